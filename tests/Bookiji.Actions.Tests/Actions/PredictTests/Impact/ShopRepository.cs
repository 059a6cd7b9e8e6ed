using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Services;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

/// <summary>
/// A small shop whose tests are the two hub shapes: one renders the whole app, three import the library's namespace
/// (<c>import * as shop</c>), so the import graph gives every test for any change to the library. Its per-test coverage
/// comes from the real vitest (npm ci of the pinned package in vitest/, once per test run).
/// </summary>
internal static class ShopRepository
{
    public const string ImpactData = ".bookiji/impact-data.json.gz";

    public static readonly string[] Tests = ["tests/app.test.js", "tests/cart.test.js", "tests/date.test.js", "tests/shout.test.js"];

    private static readonly string VitestDirectory = Path.Combine(RepositoryLayout.Root, "tests", "Bookiji.Actions.Tests", "Actions", "PredictTests", "Impact", "vitest");

    private static readonly Lazy<Task> VitestInstalled = new(async () =>
    {
        if (!File.Exists(Path.Combine(VitestDirectory, "node_modules", ".bin", "vitest")))
        {
            await Cli.Wrap("npm").WithArguments(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).WithWorkingDirectory(VitestDirectory).ExecuteBufferedAsync();
        }
    });

    public const string Format = """
        export function formatPrice(cents) {
          return '$' + (cents / 100).toFixed(2);
        }

        export function formatDate(date) {
          const d = new Date(date);
          return d.toISOString().slice(0, 10);
        }

        export const shout = (text) => {
          const upper = text.toUpperCase();
          return upper + '!';
        };

        """;

    /// <summary>Creates the shop at <paramref name="path"/> and commits it.</summary>
    public static async Task<GitRepo> CreateAsync(string path)
    {
        var repo = await GitRepo.InitAsync(path);
        repo.Write("package.json", """{ "name": "shop", "private": true, "type": "module" }""" + "\n")
            .Write(".gitignore", "coverage/\nreports/\n.bookiji/\nnode_modules\n")
            .Write("src/store.js", "export function createStore() {\n  return { items: [] };\n}\n\nexport function addTo(store, item) {\n  store.items.push(item);\n  return store;\n}\n")
            .Write("src/format.js", Format)
            .Write("src/cart.js", "import { createStore, addTo } from './store.js';\nimport { formatPrice } from './format.js';\n\nexport function addItem(cart, name, cents) {\n  return addTo(cart ?? createStore(), { name, cents });\n}\n\nexport function cartTotal(cart) {\n  return formatPrice(cart.items.reduce((sum, item) => sum + item.cents, 0));\n}\n")
            .Write("src/index.js", "export * from './cart.js';\nexport * from './format.js';\nexport * from './store.js';\n")
            .Write("src/app.js", "import * as shop from './index.js';\n\nexport function renderApp() {\n  const cart = shop.addItem(null, 'tea', 250);\n  return `<h1>Shop</h1><p>${shop.cartTotal(cart)}</p>`;\n}\n")
            .Write("tests/app.test.js", "import { test, expect } from 'vitest';\nimport { renderApp } from '../src/app.js';\ntest('renders the whole app', () => { expect(renderApp()).toContain('$2.50'); });\n")
            .Write("tests/date.test.js", "import { test, expect } from 'vitest';\nimport * as shop from '../src/index.js';\ntest('formats a date', () => { expect(shop.formatDate('2024-05-06T10:00:00Z')).toBe('2024-05-06'); });\n")
            .Write("tests/shout.test.js", "import { test, expect } from 'vitest';\nimport * as shop from '../src/index.js';\ntest('shouts', () => { expect(shop.shout('hi')).toBe('HI!'); });\n")
            .Write("tests/cart.test.js", "import { test, expect } from 'vitest';\nimport * as shop from '../src/index.js';\ntest('adds an item', () => { expect(shop.addItem(null, 'a', 1).items).toHaveLength(1); });\n");
        await repo.CommitAllAsync("shop");
        return repo;
    }

    /// <summary>
    /// Runs each test file alone with v8 coverage, as the README's impact-analysis job does:
    /// coverage to <c>coverage/per-test/&lt;test&gt;/</c>, the JSON report to <c>reports/&lt;test&gt;.json</c>.
    /// </summary>
    public static async Task RunVitestPerFileAsync(string repository)
    {
        await VitestInstalled.Value;
        var modules = Path.Combine(repository, "node_modules");
        if (!Directory.Exists(modules))
        {
            Directory.CreateSymbolicLink(modules, Path.Combine(VitestDirectory, "node_modules"));
        }

        foreach (var test in Tests)
        {
            var result = await Cli.Wrap(Path.Combine(modules, ".bin", "vitest"))
                .WithArguments(["run", test, "--coverage.enabled=true", "--coverage.provider=v8", "--coverage.reporter=json", $"--coverage.reportsDirectory=coverage/per-test/{test}", "--coverage.all=false", "--reporter=json", $"--outputFile=reports/{test}.json"])
                .WithWorkingDirectory(repository).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            if (!File.Exists(Path.Combine(repository, "coverage", "per-test", test, "coverage-final.json")))
            {
                throw new InvalidOperationException($"vitest wrote no coverage for {test} (exit {result.ExitCode}): {result.StandardError}");
            }
        }
    }

    /// <summary>A clone of <paramref name="origin"/> with its impact data, to change on its own.</summary>
    public static async Task<GitRepo> CloneAsync(string origin, string path)
    {
        await new GitRepo(Path.GetDirectoryName(path)!).GitAsync("clone", "-q", origin, path);
        var repo = new GitRepo(path);
        await repo.GitAsync("config", "user.email", "tests@bookiji.test");
        await repo.GitAsync("config", "user.name", "Bookiji Tests");
        var data = Path.Combine(origin, ImpactData);
        if (File.Exists(data))
        {
            Directory.CreateDirectory(Path.Combine(path, ".bookiji"));
            File.Copy(data, Path.Combine(path, ImpactData));
        }

        return repo;
    }
}
