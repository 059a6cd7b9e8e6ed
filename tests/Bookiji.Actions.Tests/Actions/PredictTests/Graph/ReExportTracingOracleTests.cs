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
    public void RandomBarrels_NeverMissATestThatUsesTheChangedFile()
    {
        var misses = new List<string>();
        for (var seed = 0; seed < 2000 && misses.Count < 5; seed++)
        {
            var random = new Random(seed);
            var repo = new Repo(random);
            var graph = RepositoryScanner.BuildGraph(repo.Files.Keys.ToHashSet(StringComparer.Ordinal), f => repo.Files.GetValueOrDefault(f), true);
            foreach (var file in repo.Files.Keys.Where(f => !f.StartsWith("tests/", StringComparison.Ordinal)))
            {
                var selected = graph.DependentTests([file], f => f.StartsWith("tests/", StringComparison.Ordinal)).Keys.ToHashSet(StringComparer.Ordinal);
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
                    text.Add(random.Next(2) == 0 ? "// Re-export the public API" : $"/* export {{ l{random.Next(Leaves)}_a }} from '../l{random.Next(Leaves)}' */");
                }

                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    // Mostly downwards (leaves, later barrels); sometimes any barrel, which makes cycles.
                    var target = random.Next(3) == 0 || i == Barrels - 1 ? Leaf(random.Next(Leaves)) : Barrel(random.Next(random.Next(5) == 0 ? 0 : i + 1, Barrels));
                    var spec = target.StartsWith("src/b", StringComparison.Ordinal) ? $"../{target[4..^9]}" : $"../{target[4..^3]}";
                    switch (random.Next(4))
                    {
                        case 0:
                            Link(Barrel(i), target);
                            text.Add($"export * from '{spec}';");
                            module.Stars.Add(target);
                            break;
                        case 1:
                            Link(Barrel(i), target);
                            text.Add($"export * as ns{i}_{n} from '{spec}';");
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
                            text.Add(alias == name ? $"export {{ {name} }} from '{spec}';" : $"export {{ {name} as {alias} }} from '{spec}';");
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

                    Files[test] = $"import {{ {string.Join(", ", taken.Select(n => n == "default" ? "default as d" : n))} }} from '{spec}';";
                    foreach (var name in taken)
                    {
                        var path = new List<string>();
                        var binding = Resolve(from, name, path)!;
                        uses.UnionWith(path.Where(p => p.StartsWith("src/b", StringComparison.Ordinal)));
                        uses.UnionWith(binding.Value.Name == "*" ? Closure(binding.Value.File) : Closure(binding.Value.File));
                    }
                }

                uses.Add(from);
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
        private (string File, string Name)? Resolve(string file, string name, List<string> path, int depth = 0)
        {
            if (depth > 30)
            {
                return null;
            }

            var module = _modules[file];
            path.Add(file);
            if (module.Own.Contains(name))
            {
                return (file, name);
            }

            if (module.Named.TryGetValue(name, out var named))
            {
                return named.Name == "*" ? (named.Target, "*") : Resolve(named.Target, named.Name, path, depth + 1);
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
                if (Resolve(star, name, starPath, depth + 1) is { } hit)
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
