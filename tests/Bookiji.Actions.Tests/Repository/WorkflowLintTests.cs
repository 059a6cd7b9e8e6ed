using Bookiji.Actions.Testing;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>
/// The house rules of tools/workflow-lint/checks.mjs (run by scripts/validate-workflows.sh over every workflow and
/// README example): untrusted ${{ }} inside run: and unpinned third-party actions are rejected.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WorkflowLintTests
{
    private static async Task<string> Check(string workflow)
    {
        using var dir = new TemporaryDirectory();
        var file = dir.WriteFile("workflow.yml", workflow);
        var checks = Path.Combine(RepositoryLayout.Root, "tools", "workflow-lint", "checks.mjs");
        var script = "const c = await import(process.argv[1]); const t = (await import('node:fs')).readFileSync(process.argv[2], 'utf8');" +
            " console.log(JSON.stringify({ injections: c.scriptInjections(t), unpinned: c.unpinnedActions(t) }));";
        var result = await Cli.Wrap("node").WithArguments(["--input-type=module", "-e", script, new Uri(checks).AbsoluteUri, file]).ExecuteBufferedAsync();
        return result.StandardOutput;
    }

    [Test]
    public async Task Lint_OutputsMatrixAndEventTextInsideRun_AreRejected()
    {
        var output = await Check("""
            jobs:
              e2e:
                steps:
                  - run: npx playwright test ${{ join(matrix.tests, ' ') }}
                  - run: |
                      echo "created ${{ steps.deploy.outputs.created-at }}"
                      echo "${{ github.event.pull_request.title }}"
                  - env:
                      SAFE: ${{ steps.deploy.outputs.path }}
                    run: echo "$SAFE ${{ github.run_id }}"
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("join(matrix.tests, ' ')"));
            Assert.That(output, Does.Contain("steps.deploy.outputs.created-at"));
            Assert.That(output, Does.Contain("github.event.pull_request.title"));
            Assert.That(output, Does.Not.Contain("steps.deploy.outputs.path"), "values passed through env: are the safe way");
            Assert.That(output, Does.Not.Contain("github.run_id"), "run ids are not attacker-controlled");
        });
    }

    [Test]
    public async Task Lint_TagPinnedThirdPartyAction_IsRejected_ShaPinnedAndLocalAreNot()
    {
        var output = await Check("""
            steps:
              - uses: actions/checkout@v4
              - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
              - uses: ./actions/predict-tests
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("actions/checkout@v4"));
            Assert.That(output, Does.Not.Contain("upload-artifact"));
            Assert.That(output, Does.Not.Contain("./actions/predict-tests"));
        });
    }
}
