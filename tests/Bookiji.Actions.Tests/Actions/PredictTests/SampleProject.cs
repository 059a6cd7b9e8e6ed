using Bookiji.Actions.StandIns.Services;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>A small TypeScript app in a real git repository: a test map, a tsconfig alias and an import graph.</summary>
internal static class SampleProject
{
    public const string TestMap = """
        {
          "auth": ["tests/e2e/auth.spec.ts"],
          "booking": ["tests/e2e/booking-flow.spec.ts", "tests/e2e/booking-reschedule.spec.ts"],
          "payments": { "paths": ["src/payments/**"], "tests": ["tests/e2e/payment-errors.spec.ts"] }
        }
        """;

    /// <summary>The sample on main plus a <c>feature</c> branch with one commit made by <paramref name="change"/>.</summary>
    public static async Task<(GitRepo Repo, string BaseSha, string HeadSha)> FeatureBranchAsync(string path, Action<GitRepo> change)
    {
        var (repo, baseSha) = await CreateAsync(path);
        await repo.GitAsync("checkout", "-q", "-b", "feature");
        change(repo);
        var head = await repo.CommitAllAsync("feature");
        return (repo, baseSha, head);
    }

    /// <summary>Creates the repository with one commit on main; returns it and that commit.</summary>
    public static async Task<(GitRepo Repo, string BaseSha)> CreateAsync(string path)
    {
        var repo = await GitRepo.InitAsync(path);
        repo.Write("package.json", """{ "name": "bookiji", "private": true }""")
            .Write("tsconfig.json", """{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }""")
            .Write("tests/config/test-map.json", TestMap)
            .Write("docs/guide.md", "# Guide\n")
            .Write("src/lib/date.ts", "export const today = () => new Date();\n")
            .Write("src/utils/format.ts", "export const money = (n: number) => n.toFixed(2);\n")
            .Write("src/booking/create.ts", "import { today } from '../lib/date';\nexport const create = () => today();\n")
            .Write("src/booking/reschedule.ts", "import { create } from './create';\nexport const reschedule = create;\n")
            .Write("src/payments/charge.ts", "import { money } from '@/utils/format';\nexport const charge = (n: number) => money(n);\n")
            .Write("src/search/index.ts", "export const search = () => [];\n")
            .Write("tests/e2e/auth.spec.ts", "test('login', () => {});\n")
            .Write("tests/e2e/booking-flow.spec.ts", "import { create } from '../../src/booking/create';\ntest('book', () => create());\n")
            .Write("tests/e2e/booking-reschedule.spec.ts", "import { reschedule } from '@/booking/reschedule';\ntest('move', () => reschedule());\n")
            .Write("tests/e2e/payment-errors.spec.ts", "import { charge } from '@/payments/charge';\ntest('declined', () => charge(1));\n")
            .Write("tests/unit/format.spec.ts", "import { money } from '@/utils/format';\ntest('money', () => money(1));\n")
            .Write("tests/unit/search.spec.ts", "import { search } from '../../src/search';\ntest('search', () => search());\n");
        var sha = await repo.CommitAllAsync("initial");
        return (repo, sha);
    }
}
