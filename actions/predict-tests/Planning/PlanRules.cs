using Bookiji.Actions.PredictTests.Config;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>The configurable rules of a plan, with the documented defaults.</summary>
public sealed record PlanRules
{
    /// <summary>Default test-file globs.</summary>
    public static readonly string[] DefaultTestPatterns =
    [
        "**/*.spec.ts", "**/*.spec.tsx", "**/*.spec.js", "**/*.spec.jsx", "**/*.spec.mjs", "**/*.spec.mts",
        "**/*.test.ts", "**/*.test.tsx", "**/*.test.js", "**/*.test.jsx", "**/*.test.mjs", "**/*.test.mts",
        "**/*.spec.cts", "**/*.spec.cjs", "**/*.test.cts", "**/*.test.cjs",
        // Vitest's type tests (typecheck.include's default): tests, not source a change to which no test covers.
        "**/*.test-d.ts", "**/*.test-d.tsx", "**/*.spec-d.ts", "**/*.spec-d.tsx",
    ];

    /// <summary>Default docs/config globs: changes touching only these are low risk.</summary>
    public static readonly string[] DefaultLowRiskPatterns =
    [
        "**/*.md", "**/*.mdx", "**/*.txt", "**/*.rst", "docs/**", "**/LICENSE*", "**/CHANGELOG*", "**/.editorconfig",
        "**/.prettierrc*", "**/.prettierignore", "**/.gitignore", "**/.gitattributes", "**/*.png", "**/*.jpg", "**/*.svg", "**/.vscode/**",
    ];

    /// <summary>Default high-risk globs: core logic, payments, auth, migrations.</summary>
    public static readonly string[] DefaultHighRiskPatterns =
    [
        "**/payment/**", "**/payments/**", "**/*payment*", "**/auth/**", "**/*auth*", "**/migrations/**", "**/*.sql",
        "src/core/**", "**/lib/core/**", "supabase/**", "prisma/**",
    ];

    /// <summary>Default safety triggers: a change here runs everything.</summary>
    public static readonly string[] DefaultAlwaysRunAll =
    [
        "**/package.json", "**/package-lock.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/bun.lockb", "**/npm-shrinkwrap.json",
        ".github/workflows/**", ".github/actions/**", "**/tsconfig*.json", "**/jest.config.*", "**/vitest.config.*",
        "**/playwright.config.*", "**/babel.config.*", "**/.babelrc*", "**/vite.config.*", "**/webpack.config.*",
        "**/next.config.*", "**/rollup.config.*", "**/esbuild.config.*", "**/.nvmrc", "**/.node-version", "**/Dockerfile",
    ];

    /// <summary>Globs that recognise test files.</summary>
    public required GlobSet TestFiles { get; init; }

    /// <summary>Docs/config globs.</summary>
    public required GlobSet LowRisk { get; init; }

    /// <summary>High-risk globs.</summary>
    public required GlobSet HighRisk { get; init; }

    /// <summary>Safety triggers.</summary>
    public required GlobSet AlwaysRunAll { get; init; }

    /// <summary>Changes ignored entirely.</summary>
    public required GlobSet Ignore { get; init; }

    /// <summary>The test map's own path: changing it runs everything.</summary>
    public required string TestMapPath { get; init; }

    /// <summary>The most shards a plan uses (1–16).</summary>
    public int MaxShards { get; init; } = D.MaxShards.Default;

    /// <summary>Whether a high-risk change runs every test ("comprehensive").</summary>
    public bool HighRiskRunsAll { get; init; } = D.HighRiskRunAll.Default;

    /// <summary>The estimated recall co-change ranking must reach when it narrows a hub-wide selection (a share, 0.5–1).</summary>
    public double TargetRecall { get; init; } = D.TargetRecall.Default ?? 1;

    /// <summary>How many earlier commits co-change ranking learns from (0: off, the default).</summary>
    public int HistoryCommits { get; init; } = D.HistoryCommits.Default;

    /// <summary>Whether names imported from barrels are traced to the files that declare them.</summary>
    public bool TraceReExports { get; init; } = D.TraceReExports.Default;

    /// <summary>How many of the last analysed runs' outcomes decide "failed or flaked recently".</summary>
    public int FailureRuns { get; init; } = D.FailureRuns.Default;

    /// <summary>Take recently flaky tests out of the blocking selection into the quarantine list.</summary>
    public bool QuarantineFlaky { get; init; } = D.QuarantineFlaky.Default;

    /// <summary>Rules with every default.</summary>
    public static PlanRules Defaults(string? testMapPath = null) => new()
    {
        TestFiles = new GlobSet(DefaultTestPatterns),
        LowRisk = new GlobSet(DefaultLowRiskPatterns),
        HighRisk = new GlobSet(DefaultHighRiskPatterns),
        AlwaysRunAll = new GlobSet(DefaultAlwaysRunAll),
        Ignore = new GlobSet([]),
        TestMapPath = testMapPath ?? D.TestMap.Default!,
    };
}
