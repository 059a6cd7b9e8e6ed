using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Setup files the test runners run before every test, as their configs name them in the common literal forms:
/// jest (<c>jest.config.*</c> or package.json <c>"jest"</c>) <c>setupFiles</c>, <c>setupFilesAfterEnv</c>,
/// <c>globalSetup</c>, <c>globalTeardown</c>, <c>testEnvironment</c> when it is a path; vitest/vite
/// <c>setupFiles</c>, <c>globalSetup</c>; playwright <c>globalSetup</c>, <c>globalTeardown</c>. A change to one
/// (or to what it imports) can change every test.
/// </summary>
public static partial class SetupFiles
{
    private static readonly string[] ConfigStems = ["jest.config.", "vitest.config.", "vite.config.", "vitest.workspace.", "playwright.config."];

    /// <summary>Whether <paramref name="path"/> is a test-runner config whose setup files are read.</summary>
    public static bool IsRunnerConfig(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return ConfigStems.Any(s => name.StartsWith(s, StringComparison.Ordinal)) || name == "package.json";
    }

    /// <summary>Setup file → the config naming it, for every runner config of <paramref name="files"/>.</summary>
    public static IReadOnlyDictionary<string, string> Find(IEnumerable<string> files, Func<string, string?> readText, ModuleResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        ArgumentNullException.ThrowIfNull(resolver);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var config in files.Where(IsRunnerConfig).Order(StringComparer.Ordinal))
        {
            if (readText(config) is not { } text || (config.EndsWith("package.json", StringComparison.Ordinal) && !text.Contains("\"jest\"", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (Match option in Option().Matches(text))
            {
                foreach (Match literal in Literal().Matches(option.Groups["value"].Value))
                {
                    var raw = literal.Groups[1].Value.Replace("<rootDir>/", "./", StringComparison.Ordinal);
                    var specifier = raw.StartsWith('.') || raw.StartsWith('/') || raw.StartsWith('@') || raw.StartsWith('#') ? raw : "./" + raw;
                    var resolution = resolver.ResolveAll(config, specifier);
                    foreach (var file in resolution.Unresolved ? [] : resolution.Files)
                    {
                        found.TryAdd(file, config);
                    }
                }
            }
        }

        return found;
    }

    [GeneratedRegex("""["']?\b(?:setupFiles|setupFilesAfterEnv|setupFilesAfterEach|globalSetup|globalTeardown|testEnvironment)["']?\s*:\s*(?<value>\[[^\]]*\]|['"][^'"\r\n]+['"])""", RegexOptions.CultureInvariant)]
    private static partial Regex Option();

    [GeneratedRegex("""['"]([^'"\r\n]+)['"]""", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();
}
