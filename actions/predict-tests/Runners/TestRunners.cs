using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>
/// Which test runner runs each test file, so a shard never mixes runners (a Playwright command given a vitest file
/// fails with "No tests found"). Decided, in order, by what the file imports (<c>@playwright/test</c>, <c>vitest</c>,
/// <c>@jest/globals</c>, directly or through one relative helper), by a Playwright config's explicit
/// <c>testDir</c>, and otherwise by the one unit runner the repository declares (a vitest or jest config, or the
/// dependency in a package.json). A file none of these decide is <see cref="Unknown"/>: its shard runs everything.
/// Comments never decide: they are removed before anything is read.
/// </summary>
public static partial class TestRunners
{
    /// <summary>Playwright Test.</summary>
    public const string Playwright = "playwright";

    public const string Vitest = "vitest";

    public const string Jest = "jest";

    /// <summary>Not decided: the test job runs every runner of the repository for such a shard.</summary>
    public const string Unknown = "unknown";

    /// <summary>The runner of each test of <paramref name="tests"/> (paths relative to the repository, '/'-separated).</summary>
    public static IReadOnlyDictionary<string, string> Detect(IReadOnlyCollection<string> tests, IReadOnlyCollection<string> files, Func<string, string?> readText)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        var fileSet = files as IReadOnlySet<string> ?? files.ToHashSet(StringComparer.Ordinal);
        var testDirs = PlaywrightTestDirs(files, readText);
        var declared = DeclaredUnitRunners(files, readText);
        var hasPlaywright = testDirs.Count > 0 || files.Any(IsPlaywrightConfig) || declared.Playwright;
        var fallback = declared.Unit.Count == 1 ? declared.Unit.First() : declared.Unit.Count == 0 && hasPlaywright ? Playwright : Unknown;
        var helperCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            var text = readText(test);
            result[test] = (text is null ? null : FromImports(test, text, fileSet, readText, helperCache))
                ?? (testDirs.Any(dir => dir.Length == 0 || test.StartsWith(dir + "/", StringComparison.Ordinal)) ? Playwright : null)
                ?? fallback;
        }

        return result;
    }

    /// <summary>The runner a source text imports, or null (comments removed first).</summary>
    public static string? RunnerImportedBy(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var specifier in Specifiers(source))
        {
            if (specifier is "@playwright/test" or "playwright/test" || specifier.StartsWith("@playwright/test/", StringComparison.Ordinal))
            {
                return Playwright;
            }

            if (specifier == Vitest || specifier.StartsWith("vitest/", StringComparison.Ordinal))
            {
                return Vitest;
            }

            if (specifier is "@jest/globals")
            {
                return Jest;
            }
        }

        return null;
    }

    private static string? FromImports(string test, string text, IReadOnlySet<string> files, Func<string, string?> readText, Dictionary<string, string?> helperCache)
    {
        if (RunnerImportedBy(text) is { } direct)
        {
            return direct;
        }

        // One level of relative helpers: `import { test } from './fixtures'` where fixtures.ts extends Playwright's test.
        var folder = test.Contains('/', StringComparison.Ordinal) ? test[..test.LastIndexOf('/')] : string.Empty;
        foreach (var specifier in Specifiers(text))
        {
            if (!specifier.StartsWith("./", StringComparison.Ordinal) && !specifier.StartsWith("../", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var candidate in Candidates(Normalize(folder, specifier)))
            {
                if (!files.Contains(candidate))
                {
                    continue;
                }

                if (!helperCache.TryGetValue(candidate, out var runner))
                {
                    helperCache[candidate] = runner = readText(candidate) is { } helper ? RunnerImportedBy(helper) : null;
                }

                if (runner is not null)
                {
                    return runner;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        foreach (var ext in new[] { ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs" })
        {
            yield return path + ext;
            yield return path + "/index" + ext;
        }

        if (path.EndsWith(".js", StringComparison.Ordinal))
        {
            yield return path[..^3] + ".ts";
        }
    }

    private static string Normalize(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static bool IsPlaywrightConfig(string path) => FileName(path).StartsWith("playwright.config.", StringComparison.Ordinal) || FileName(path).StartsWith("playwright-ct.config.", StringComparison.Ordinal);

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Each Playwright config's explicit testDir, as a repository path ("" for the root).</summary>
    private static List<string> PlaywrightTestDirs(IEnumerable<string> files, Func<string, string?> readText)
    {
        var dirs = new List<string>();
        foreach (var config in files.Where(IsPlaywrightConfig))
        {
            if (readText(config) is not { } text || TestDir().Match(Graph.SourceCode.Of(text).Text) is not { Success: true } match)
            {
                continue;
            }

            var folder = config.Contains('/', StringComparison.Ordinal) ? config[..config.LastIndexOf('/')] : string.Empty;
            dirs.Add(Normalize(folder, match.Groups["d"].Value.StartsWith('.') ? match.Groups["d"].Value : "./" + match.Groups["d"].Value));
        }

        return dirs;
    }

    private static (HashSet<string> Unit, bool Playwright) DeclaredUnitRunners(IEnumerable<string> files, Func<string, string?> readText)
    {
        var unit = new HashSet<string>(StringComparer.Ordinal);
        var playwright = false;
        foreach (var file in files)
        {
            var name = FileName(file);
            if (name.StartsWith("vitest.config.", StringComparison.Ordinal) || name.StartsWith("vitest.workspace.", StringComparison.Ordinal))
            {
                unit.Add(Vitest);
            }
            else if (name.StartsWith("jest.config.", StringComparison.Ordinal))
            {
                unit.Add(Jest);
            }
            else if (name == "package.json" && !file.Contains("node_modules/", StringComparison.Ordinal) && readText(file) is { } manifest)
            {
                if (Dependency().Matches(manifest).Select(m => m.Groups["n"].Value) is var names)
                {
                    foreach (var dependency in names)
                    {
                        switch (dependency)
                        {
                            case "vitest": unit.Add(Vitest); break;
                            case "jest": unit.Add(Jest); break;
                            case "@playwright/test": playwright = true; break;
                        }
                    }
                }
            }
        }

        return (unit, playwright);
    }

    /// <summary>Whether <paramref name="source"/> imports a test runner other than vitest, jest and Playwright (node:test, mocha, bun:test, ava, uvu, tap, jasmine).</summary>
    public static bool ImportsAnotherRunner(string? source) =>
        source is not null && Specifiers(source).Any(s => s is "node:test" or "mocha" or "bun:test" or "ava" or "uvu" or "tap" or "jasmine" || s.StartsWith("uvu/", StringComparison.Ordinal));

    /// <summary>
    /// The specifiers a test names, by the light pattern runner detection needs (from/import/require + a literal) on
    /// the lexed text: a match in a comment or inside another literal is no import.
    /// </summary>
    private static IEnumerable<string> Specifiers(string text)
    {
        foreach (var match in Graph.SourceCode.Of(text).CodeMatches(Specifier()))
        {
            yield return match.Groups["s"].Value;
        }
    }

    [GeneratedRegex("""(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?<s>[^'"\n]+)['"]""")]
    private static partial Regex Specifier();

    [GeneratedRegex("""\btestDir\s*:\s*['"](?<d>[^'"\n]+)['"]""")]
    private static partial Regex TestDir();

    [GeneratedRegex("""["'](?<n>vitest|jest|@playwright/test)["']\s*:""")]
    private static partial Regex Dependency();
}
