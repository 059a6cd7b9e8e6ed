using System.Text.Json;
using System.Text.RegularExpressions;
using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>
/// What is a test is the runner's call: where a vitest config (or a vite config with a <c>test</c> block) or a jest
/// config sits, its include/exclude (vitest <c>include</c>/<c>exclude</c>, jest <c>testMatch</c>/<c>testRegex</c>/
/// <c>testPathIgnorePatterns</c>, each runner's defaults when unset) decide for the files under its folder. A file
/// the action's globs call a test but the nearest config's runner does not run (a <c>*.test-d.ts</c> type test, a
/// shared <c>*.case.test.ts</c> suite the config excludes) is a helper: its change selects its importers. Only ever
/// removes: a config this reader cannot read (computed arrays, projects, roots) decides nothing.
/// </summary>
public static partial class RunnerTestFiles
{
    /// <summary>vitest's default <c>include</c>.</summary>
    public static readonly IReadOnlyList<string> VitestInclude = ["**/*.{test,spec}.?(c|m)[jt]s?(x)"];

    /// <summary>vitest's default <c>exclude</c> (<c>configDefaults.exclude</c>).</summary>
    public static readonly IReadOnlyList<string> VitestExclude =
        ["**/node_modules/**", "**/dist/**", "**/cypress/**", "**/.{idea,git,cache,output,temp}/**", "**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build,eslint,prettier}.config.*"];

    /// <summary>jest's default <c>testMatch</c>.</summary>
    public static readonly IReadOnlyList<string> JestMatch = ["**/__tests__/**/*.?([mc])[jt]s?(x)", "**/?(*.)+(spec|test).?([mc])[jt]s?(x)"];

    /// <summary>
    /// The candidates a runner config in scope does not run, unless <paramref name="keep"/> says another runner does
    /// (a Playwright spec a vitest config excludes is still Playwright's test).
    /// </summary>
    public static IReadOnlySet<string> NotRun(IEnumerable<string> candidates, IEnumerable<string> files, Func<string, string?> readText, Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        ArgumentNullException.ThrowIfNull(keep);
        var scopes = new List<RunnerScope>();
        foreach (var config in files.Where(IsConfig).Order(StringComparer.Ordinal))
        {
            if (readText(config) is { } text && Read(config, text) is { } scope)
            {
                scopes.Add(scope);
            }
        }

        var notRun = new HashSet<string>(StringComparer.Ordinal);
        if (scopes.Count == 0)
        {
            return notRun;
        }

        // `vitest --typecheck` in a script runs the *.test-d.* type tests whatever the config says.
        var typecheck = files.Where(f => f.EndsWith("package.json", StringComparison.Ordinal)).Any(f => readText(f)?.Contains("--typecheck", StringComparison.Ordinal) == true);

        // The deepest config holding a file decides for it; two configs in one folder (vite and vitest): vitest's, read last.
        var ordered = scopes.OrderByDescending(s => s.Directory.Length).ThenByDescending(s => s.Config, StringComparer.Ordinal).ToList();
        foreach (var test in candidates)
        {
            var scope = ordered.FirstOrDefault(s => s.Directory.Length == 0 || test.StartsWith(s.Directory + "/", StringComparison.Ordinal));
            if (scope is not null && !scope.Runs(test) && !keep(test) && !(typecheck && TypeTest().IsMatch(test)))
            {
                notRun.Add(test);
            }
        }

        return notRun;
    }

    /// <summary>What one config says; null when it is no vitest or jest config, <see cref="RunnerScope.DecidesNothing"/> when it is one this reader cannot take apart.</summary>
    public static RunnerScope? Read(string config, string text)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(text);
        var directory = config.Contains('/', StringComparison.Ordinal) ? config[..config.LastIndexOf('/')] : string.Empty;
        var name = config[(config.LastIndexOf('/') + 1)..];
        if (name == "package.json")
        {
            return ReadJestJson(config, directory, text);
        }

        var code = SourceCode.Of(text).Text;
        if (name.StartsWith("jest.config.", StringComparison.Ordinal))
        {
            return name.EndsWith(".json", StringComparison.Ordinal) ? ReadJestJson(config, directory, "{\"jest\":" + text + "}") : ReadJestCode(config, directory, code);
        }

        var block = TestBlockText(code);
        if (block is null && !name.StartsWith("vitest.config.", StringComparison.Ordinal))
        {
            return null; // a vite config without a test block configures no tests
        }

        // Shapes this reader cannot follow decide nothing: spreads and shared objects (other than vitest's own
        // defaults), a test block that is not an object literal or appears twice, type tests switched on.
        var blanked = OtherBlocks(code);
        var projectsText = ProjectsArray(blanked);
        var outsideProjects = projectsText is null ? blanked : blanked.Replace(projectsText, string.Empty, StringComparison.Ordinal);
        if (Unreadable().IsMatch(code) || Composed().IsMatch(outsideProjects.Replace("...configDefaults.exclude", string.Empty, StringComparison.Ordinal).Replace("...defaultExclude", string.Empty, StringComparison.Ordinal))
            || TestKey().Matches(outsideProjects).Count != TestBlock().Matches(outsideProjects).Count || TestBlock().Matches(outsideProjects).Count > 1
            || code.Contains("typecheck", StringComparison.Ordinal))
        {
            return RunnerScope.DecidesNothing(config, directory);
        }

        // Inside the test block only (a plugin's `include` is not about tests), nested blocks whose include/exclude
        // mean something else (coverage's are sources) blanked.
        var own = block is null ? string.Empty : OtherBlocks(block);
        var projects = block is null ? null : ProjectsArray(own);
        var rule = VitestRule(projects is null ? own : own.Replace(projects, string.Empty, StringComparison.Ordinal), VitestInclude, VitestExclude);
        if (rule is null)
        {
            return RunnerScope.DecidesNothing(config, directory);
        }

        if (projects is null)
        {
            return new RunnerScope(config, directory, [rule.Value.Rule]);
        }

        // vitest projects: a file any inline project takes is a test; a project named by path is its own config,
        // read as its own scope; anything computed decides nothing.
        var rules = new List<RunnerRule>();
        foreach (var element in TopLevelElements(projects))
        {
            if (element.Length >= 2 && element[0] is '\'' or '"' or '`')
            {
                if (element.Contains("vitest.config.", StringComparison.Ordinal) || element.Contains("vite.config.", StringComparison.Ordinal))
                {
                    continue; // a project that is a config file: read as its own scope
                }

                return RunnerScope.DecidesNothing(config, directory); // a folder project runs with defaults we do not place
            }

            if (element[0] != '{')
            {
                return RunnerScope.DecidesNothing(config, directory);
            }

            var projectTest = TestBlockText(element);
            var extends = element.Contains("extends", StringComparison.Ordinal);
            var projectRule = VitestRule(projectTest is null ? string.Empty : OtherBlocks(projectTest), extends ? rule.Value.Include : VitestInclude, extends ? rule.Value.Exclude : VitestExclude);
            if (projectRule is null)
            {
                return RunnerScope.DecidesNothing(config, directory);
            }

            rules.Add(projectRule.Value.Rule);
        }

        return rules.Count == 0 ? null : new RunnerScope(config, directory, rules);
    }

    /// <summary>One vitest include/exclude pair from a test block's text, unset keys taking the given defaults; null when unreadable.</summary>
    private static (RunnerRule Rule, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)? VitestRule(string testBlock, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var inc = Array(testBlock, "include", include);
        var exc = Array(testBlock, "exclude", exclude);
        var rule = inc is null || exc is null ? null : Rule(inc, false, exc, false);
        return rule is null ? null : (rule, inc!, exc!);
    }

    /// <summary>The text of the first <c>projects: [ … ]</c> array (brackets included), or null.</summary>
    private static string? ProjectsArray(string code)
    {
        var start = Projects().Match(code);
        return start.Success && Balanced(code, start.Index + start.Length - 1) is { } array ? code[start.Index..(start.Index + start.Length - 1)] + array : null;
    }

    /// <summary>The elements of an array literal's text (<c>key: [a, {…}, 'b']</c>), split at its top-level commas.</summary>
    private static List<string> TopLevelElements(string array)
    {
        var body = array[(array.IndexOf('[', StringComparison.Ordinal) + 1)..array.LastIndexOf(']')];
        var elements = new List<string>();
        var depth = 0;
        var quote = '\0';
        var from = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote != '\0')
            {
                quote = c == '\\' ? quote : c == quote ? '\0' : quote;
                i += c == '\\' ? 1 : 0;
                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c is '[' or '{' or '(')
            {
                depth++;
            }
            else if (c is ']' or '}' or ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                elements.Add(body[from..i].Trim());
                from = i + 1;
            }
        }

        elements.Add(body[from..].Trim());
        return [.. elements.Where(e => e.Length > 0)];
    }

    /// <summary>The text inside the first <c>test: { … }</c>, or null.</summary>
    private static string? TestBlockText(string code) =>
        TestBlock().Match(code) is { Success: true } start && Balanced(code, start.Index + start.Length - 1) is { } block ? block[1..^1] : null;

    /// <summary>Whether <paramref name="path"/> may say which files a runner runs (a vitest, vite or jest config, a package.json, a Playwright config).</summary>
    public static bool IsConfig(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return !path.Contains("node_modules/", StringComparison.Ordinal)
            && (name.StartsWith("vitest.config.", StringComparison.Ordinal) || name.StartsWith("vite.config.", StringComparison.Ordinal)
                || name.StartsWith("jest.config.", StringComparison.Ordinal) || name.StartsWith("playwright.config.", StringComparison.Ordinal) || name == "package.json");
    }

    private static RunnerScope? ReadJestJson(string config, string directory, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!document.RootElement.TryGetProperty("jest", out var jest) || jest.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (jest.TryGetProperty("roots", out _) || jest.TryGetProperty("projects", out _) || jest.TryGetProperty("rootDir", out _) || jest.TryGetProperty("preset", out _))
            {
                return RunnerScope.DecidesNothing(config, directory);
            }

            var match = Strings(jest, "testMatch");
            var regex = Strings(jest, "testRegex");
            var ignore = Strings(jest, "testPathIgnorePatterns") ?? ["/node_modules/"];
            return regex is { Count: > 0 } ? Scope(config, directory, regex, true, ignore, true) : Scope(config, directory, match ?? JestMatch, false, ignore, true);
        }
        catch (JsonException)
        {
            return config.EndsWith("package.json", StringComparison.Ordinal) ? null : RunnerScope.DecidesNothing(config, directory);
        }
    }

    private static RunnerScope? ReadJestCode(string config, string directory, string code)
    {
        if (Unreadable().IsMatch(code) || JestRoots().IsMatch(code) || Composed().IsMatch(code))
        {
            return RunnerScope.DecidesNothing(config, directory);
        }

        var match = Array(code, "testMatch", JestMatch);
        var ignore = Array(code, "testPathIgnorePatterns", ["/node_modules/"]);
        var regex = KeyArrayOrString(code, "testRegex");
        if (match is null || ignore is null || (regex is null && HasKey(code, "testRegex")))
        {
            return RunnerScope.DecidesNothing(config, directory);
        }

        return regex is { Count: > 0 } ? Scope(config, directory, regex, true, ignore, true) : Scope(config, directory, match, false, ignore, true);
    }

    private static RunnerScope Scope(string config, string directory, IReadOnlyList<string> include, bool includeIsRegex, IReadOnlyList<string> exclude, bool excludeIsRegex) =>
        Rule(include, includeIsRegex, exclude, excludeIsRegex, directory) is { } rule ? new RunnerScope(config, directory, [rule]) : RunnerScope.DecidesNothing(config, directory);

    private static RunnerRule? Rule(IReadOnlyList<string> include, bool includeIsRegex, IReadOnlyList<string> exclude, bool excludeIsRegex, string directory = "")
    {
        var inc = Compile(include, includeIsRegex, directory);
        var exc = Compile(exclude, excludeIsRegex, directory);
        return inc is null || exc is null ? null : new RunnerRule(inc, includeIsRegex, exc, excludeIsRegex);
    }

    private static List<Regex>? Compile(IReadOnlyList<string> patterns, bool isRegex, string directory)
    {
        // jest's <rootDir> is the config's folder: a regex anchors there; a glob starting with it is relative to it.
        var root = "^" + Regex.Escape(directory.Length == 0 ? string.Empty : "/" + directory);
        var compiled = new List<Regex>();
        foreach (var pattern in patterns)
        {
            Regex? regex;
            try
            {
                var glob = pattern.StartsWith("<rootDir>/", StringComparison.Ordinal) ? pattern["<rootDir>/".Length..] : pattern;
                regex = isRegex ? new Regex(pattern.Replace("<rootDir>", root, StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))
                    : glob.Contains("<rootDir>", StringComparison.Ordinal) ? null : RunnerGlob.Compile(glob);
            }
            catch (ArgumentException)
            {
                regex = null;
            }

            if (regex is null || pattern.StartsWith('!'))
            {
                return null; // a pattern we cannot read, or a negation: decide nothing
            }

            compiled.Add(regex);
        }

        return compiled;
    }

    private static List<string>? Strings(JsonElement parent, string key)
    {
        if (!parent.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => null,
        };
    }

    /// <summary>
    /// The string array at <c>key: [ … ]</c> (the first), <paramref name="unset"/> when the key is absent, null when it
    /// holds anything but string literals (a spread of <c>configDefaults.exclude</c> adds vitest's defaults).
    /// </summary>
    private static IReadOnlyList<string>? Array(string code, string key, IReadOnlyList<string> unset)
    {
        var keyPattern = new Regex($@"(?<![\w$.])['""]?{Regex.Escape(key)}['""]?\s*:", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        var matches = keyPattern.Matches(code);
        if (matches.Count == 0)
        {
            return unset;
        }

        var open = matches[0].Index + matches[0].Length;
        while (open < code.Length && char.IsWhiteSpace(code[open]))
        {
            open++;
        }

        if (matches.Count > 1 || open >= code.Length || code[open] != '[' || Balanced(code, open) is not { } array)
        {
            return null; // set twice, or not an array literal: decide nothing
        }

        var items = new List<string>();
        foreach (var raw in TopLevelElements(array))
        {
            if (raw is "...configDefaults.exclude" or "...defaultExclude")
            {
                items.AddRange(VitestExclude);
            }
            else if (raw.Length >= 2 && raw[0] is '\'' or '"' or '`' && raw[^1] == raw[0] && !raw.Contains("${", StringComparison.Ordinal) && !raw.Contains('\\', StringComparison.Ordinal))
            {
                items.Add(raw[1..^1]); // a string with escapes is not taken as written: decide nothing instead
            }
            else
            {
                return null;
            }
        }

        return items;
    }

    /// <summary>The bracketed text starting at <paramref name="open"/> (its <c>[</c>, <c>{</c> or <c>(</c>) up to its match, brackets included; strings may hold brackets.</summary>
    private static string? Balanced(string code, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < code.Length; i++)
        {
            var c = code[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c is '[' or '{' or '(')
            {
                depth++;
            }
            else if (c is ']' or '}' or ')' && --depth == 0)
            {
                return code[open..(i + 1)];
            }
        }

        return null;
    }

    private static bool HasKey(string code, string key) => new Regex($@"(?<![\w$.])['""]?{Regex.Escape(key)}['""]?\s*:", RegexOptions.CultureInvariant).IsMatch(code);

    private static IReadOnlyList<string>? KeyArrayOrString(string code, string key)
    {
        var single = new Regex($@"(?<![\w$.]){Regex.Escape(key)}\s*:\s*(['""])(?<v>[^'""]+)\1", RegexOptions.CultureInvariant).Match(code);
        if (single.Success)
        {
            // JS escapes (`'\\.test\\.js$'`) are not read: such a regex decides nothing rather than the wrong thing.
            return single.Groups["v"].Value.Contains('\\', StringComparison.Ordinal) ? null : [single.Groups["v"].Value];
        }

        return Array(code, key, []);
    }

    /// <summary>The config with the blocks whose include/exclude are not test files blanked.</summary>
    private static string OtherBlocks(string code)
    {
        var chars = code.ToCharArray();
        foreach (Match block in NonTestBlock().Matches(code))
        {
            var open = block.Index + block.Length - 1;
            var length = Balanced(code, open)?.Length ?? code.Length - open;
            System.Array.Fill(chars, ' ', open, length);
        }

        return new string(chars);
    }

    [GeneratedRegex(@"(?<![\w$.])test\s*:\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex TestBlock();

    [GeneratedRegex(@"(?<![\w$.])(?:coverage|typecheck|benchmark|server|deps|optimizeDeps|build|browser|poolOptions|sequence|resolve|css|ssr|worker)\s*:\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex NonTestBlock();

    /// <summary>Shapes this reader does not follow: projects/workspaces, computed or merged configs.</summary>
    [GeneratedRegex(@"(?<![\w$.])(?:workspace|dir|root)\s*:|mergeConfig\s*\(|defineWorkspace\s*\(|defineProject\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Unreadable();

    [GeneratedRegex(@"(?<![\w$.])projects\s*:\s*\[", RegexOptions.CultureInvariant)]
    private static partial Regex Projects();

    [GeneratedRegex(@"(?<![\w$.])test\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex TestKey();

    [GeneratedRegex(@"\.(?:test|spec)-d\.[cm]?[jt]sx?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeTest();

    /// <summary>A config built from other objects: a spread, a preset, a require or Object.assign.</summary>
    [GeneratedRegex(@"\.\.\.|(?<![\w$.])preset\s*:|\brequire\s*\(|Object\.assign\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Composed();

    [GeneratedRegex(@"(?<![\w$.])(?:roots|projects|rootDir)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex JestRoots();
}
