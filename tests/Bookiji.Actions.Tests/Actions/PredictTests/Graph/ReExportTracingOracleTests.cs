using Bookiji.Actions.PredictTests.Graph;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Graph;

/// <summary>
/// Random repositories of leaves and barrels (renames, stars, namespaces, defaults, cycles, misleading comments)
/// checked against an independent reading of ES module semantics: every test that uses a name declared in a changed
/// file (or imports it whole, or passes a changed barrel) is selected.
/// </summary>
[TestFixture]
public sealed class ReExportTracingOracleTests
{
    private const int Leaves = 6;
    private const int Barrels = 5;

    [Test]
    public void DependentTests_RandomBarrels_NeverMissATestThatUsesTheChangedFile()
    {
        var misses = new List<string>();
        for (var seed = 0; seed < 3000 && misses.Count < 5; seed++)
        {
            var random = new Random(seed);
            var repo = new Repo(random);
            var graph = RepositoryScanner.BuildGraph(repo.Files.Keys.ToHashSet(StringComparer.Ordinal), f => repo.Files.GetValueOrDefault(f), true);
            var reached = graph.ReachedFrom(repo.Uses.Keys);
            foreach (var file in repo.Files.Keys.Where(f => !f.EndsWith(".spec.ts", StringComparison.Ordinal)))
            {
                var selected = graph.DependentTests([file], f => f.EndsWith(".spec.ts", StringComparison.Ordinal)).Keys.ToHashSet(StringComparer.Ordinal);
                if (reached.Contains(file) && selected.Count == 0)
                {
                    misses.Add($"seed {seed}: {file} counts as covered but selects no test");
                }

                foreach (var (test, uses) in repo.Uses)
                {
                    if (uses.Contains(file) && !selected.Contains(test))
                    {
                        misses.Add($"seed {seed}: {file} changed, {test} not selected\n{string.Join("\n", repo.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"--- {f.Key}\n{f.Value}"))}");
                        break;
                    }
                }
            }
        }

        Assert.That(misses, Is.Empty, string.Join("\n\n", misses));
    }

    private sealed class Repo
    {
        private readonly Dictionary<string, List<string>> _plain = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Module> _modules = new(StringComparer.Ordinal);

        public Repo(Random random)
        {
            for (var i = 0; i < Leaves; i++)
            {
                var module = new Module();
                var text = new List<string>();
                if (random.Next(3) == 0)
                {
                    text.Add($"// export const l{random.Next(Leaves)}_a = 0;"); // a declaration that is not there
                }

                if (i > 0 && random.Next(2) == 0)
                {
                    var dep = random.Next(i);
                    text.Add($"import {{ l{dep}_a }} from './l{dep}';");
                    Link(Leaf(i), Leaf(dep));
                }

                if (i > 0 && random.Next(4) == 0)
                {
                    var from = random.Next(i);
                    Link(Leaf(i), Leaf(from));
                    if (random.Next(2) == 0)
                    {
                        text.Add($"export * from './l{from}'");
                        module.Stars.Add(Leaf(from));
                    }
                    else
                    {
                        text.Add($"export {{ l{from}_b as r{i} }} from './l{from}'");
                        module.Named[$"r{i}"] = (Leaf(from), $"l{from}_b");
                    }
                }

                text.Add($"export const l{i}_a = 1;\nexport function l{i}_b() {{}}");
                module.Own.UnionWith([$"l{i}_a", $"l{i}_b"]);
                if (random.Next(2) == 0)
                {
                    text.Add("export default 1;");
                    module.Own.Add("default");
                }

                _modules[Leaf(i)] = module;
                Files[Leaf(i)] = string.Join('\n', text);
            }

            for (var i = Barrels - 1; i >= 0; i--)
            {
                var module = new Module();
                var text = new List<string>();
                if (random.Next(3) == 0)
                {
                    text.Add(random.Next(3) switch
                    {
                        0 => "// Re-export the public API",
                        1 => "'use client'",
                        _ => $"/* export {{ l{random.Next(Leaves)}_a }} from '../l{random.Next(Leaves)}' */",
                    });
                }

                var end = random.Next(2) == 0 ? ";" : string.Empty;

                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    // Mostly downwards (leaves, later barrels); sometimes any barrel, which makes cycles.
                    var target = random.Next(3) == 0 || i == Barrels - 1 ? Leaf(random.Next(Leaves)) : Barrel(random.Next(random.Next(5) == 0 ? 0 : i + 1, Barrels));
                    var spec = target.StartsWith("src/b", StringComparison.Ordinal) ? $"../{target[4..^9]}" : $"../{target[4..^3]}";
                    switch (random.Next(4))
                    {
                        case 0:
                            Link(Barrel(i), target);
                            text.Add(random.Next(4) == 0 ? $"export type * from '{spec}'{end}" : $"export * from '{spec}'{end}");
                            module.Stars.Add(target);
                            break;
                        case 1:
                            Link(Barrel(i), target);
                            text.Add($"export * as ns{i}_{n} from '{spec}'{end}");
                            module.Named[$"ns{i}_{n}"] = (target, "*");
                            break;
                        default:
                            var name = random.Next(4) == 0 ? "default" : $"l{random.Next(Leaves)}_{(random.Next(2) == 0 ? 'a' : 'b')}";
                            var alias = random.Next(2) == 0 ? name : $"x{i}_{n}";
                            if (module.Named.ContainsKey(alias))
                            {
                                continue;
                            }

                            Link(Barrel(i), target);
                            text.Add(alias == name ? $"export {{ {name} }} from '{spec}'{end}" : $"export {{\n  // why\n  {name} as {alias}, /* more */\n}} from '{spec}'{end}");
                            module.Named[alias] = (target, name);
                            break;
                    }
                }

                _modules[Barrel(i)] = module;
                Files[Barrel(i)] = string.Join('\n', text);
            }

            for (var t = 0; t < 6; t++)
            {
                var test = $"tests/t{t}.spec.ts";
                var uses = new HashSet<string>(StringComparer.Ordinal);
                var from = random.Next(4) == 0 ? Leaf(random.Next(Leaves)) : Barrel(random.Next(Barrels));
                var spec = from.StartsWith("src/b", StringComparison.Ordinal) ? $"../{from[..^9]}" : $"../{from[..^3]}";
                if (random.Next(5) == 0)
                {
                    Files[test] = $"import * as all from '{spec}';";
                    uses.UnionWith(Closure(from));
                }
                else
                {
                    var names = Names(from, []).Where(n => Resolve(from, n, []) is not null).OrderBy(n => n, StringComparer.Ordinal).ToList();
                    var taken = names.Where(_ => random.Next(2) == 0).Take(3).ToList();
                    if (taken.Count == 0)
                    {
                        continue;
                    }

                    var named = taken.Where(n => n != "default").ToList();
                    var clause = random.Next(2) == 0 && taken.Contains("default")
                        ? (named.Count > 0 ? $"d, {{ {string.Join(", /* c */ ", named)} }}" : "d")
                        : $"{{ {string.Join(",\n  ", taken.Select(n => n == "default" ? "default as d" : n))} }}";
                    Files[test] = $"import {clause} from '{spec}';";
                    foreach (var name in taken)
                    {
                        var path = new List<string>();
                        var binding = Resolve(from, name, path)!;
                        uses.UnionWith(path);
                        uses.UnionWith(Closure(binding.Value.File));
                    }
                }

                uses.Add(from);
                if (random.Next(4) == 0)
                {
                    // Through a helper that is not a test: the helper imports the names, the test imports the helper.
                    var helper = $"tests/helpers/h{t}.ts";
                    Files[helper] = Files[test].Replace("'../src/", "'../../src/", StringComparison.Ordinal) + "\nexport const h = 1;";
                    Files[test] = $"import {{ h }} from './helpers/h{t}';";
                    uses.Add(helper);
                }

                Uses[test] = uses;
            }
        }

        public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> Uses { get; } = new(StringComparer.Ordinal);

        private static string Leaf(int i) => $"src/l{i}.ts";

        private static string Barrel(int i) => $"src/b{i}/index.ts";

        private void Link(string from, string to)
        {
            if (!_plain.TryGetValue(from, out var list))
            {
                _plain[from] = list = [];
            }

            list.Add(to);
        }

        private HashSet<string> Closure(string file)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { file };
            var stack = new Stack<string>([file]);
            while (stack.Count > 0)
            {
                foreach (var next in _plain.GetValueOrDefault(stack.Pop()) ?? [])
                {
                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            return seen;
        }

        private HashSet<string> Names(string file, HashSet<string> visiting)
        {
            var module = _modules[file];
            var names = new HashSet<string>(module.Own, StringComparer.Ordinal);
            names.UnionWith(module.Named.Keys);
            if (visiting.Add(file))
            {
                foreach (var star in module.Stars)
                {
                    names.UnionWith(Names(star, visiting).Where(n => n != "default"));
                }

                visiting.Remove(file);
            }

            return names;
        }

        /// <summary>ES semantics: own, then explicit, then stars (ambiguous or circular → null); the barrels passed go to <paramref name="path"/>.</summary>
        private (string File, string Name)? Resolve(string file, string name, List<string> path, HashSet<(string, string)>? resolving = null)
        {
            resolving ??= [];
            if (!resolving.Add((file, name)))
            {
                return null; // a circular request, as ResolveExport says
            }

            var module = _modules[file];
            path.Add(file);
            if (module.Own.Contains(name))
            {
                return (file, name);
            }

            if (module.Named.TryGetValue(name, out var named))
            {
                return named.Name == "*" ? (named.Target, "*") : Resolve(named.Target, named.Name, path, resolving);
            }

            if (name == "default")
            {
                return null;
            }

            (string, string)? found = null;
            var foundPath = new List<string>();
            foreach (var star in module.Stars)
            {
                var starPath = new List<string>();
                if (Resolve(star, name, starPath, [.. resolving]) is { } hit)
                {
                    if (found is not null && found != hit)
                    {
                        return null;
                    }

                    found = hit;
                    foundPath.AddRange(starPath);
                }
            }

            path.AddRange(foundPath);
            return found;
        }

        private sealed class Module
        {
            public HashSet<string> Own { get; } = new(StringComparer.Ordinal);

            public Dictionary<string, (string Target, string Name)> Named { get; } = new(StringComparer.Ordinal);

            public List<string> Stars { get; } = [];
        }
    }
}
