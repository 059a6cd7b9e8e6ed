using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using CliWrap;
using CliWrap.Buffered;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>
/// The house rules of tools/workflow-lint/checks.mjs (run by scripts/validate-workflows.sh over every workflow and
/// README example): untrusted ${{ }} inside run: and unpinned third-party actions are rejected. And the structural
/// checks of tools/workflow-lint/structure.mjs, through validate.mjs itself: run: as the runner receives it parses
/// as bash, and steps using this project's actions (local or by name) match the actions' inputs and outputs.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WorkflowLintTests
{
    private static readonly string LintDirectory = Path.Combine(RepositoryLayout.Root, "tools", "workflow-lint");

    // npm ci once per test run when the lint's packages are missing (as scripts/validate-workflows.sh does).
    private static readonly Lazy<Task> LintInstalled = new(async () =>
    {
        var modules = Path.Combine(LintDirectory, "node_modules");
        if (Directory.Exists(Path.Combine(modules, "@actions", "languageservice")) && Directory.Exists(Path.Combine(modules, "yaml")))
        {
            return;
        }
        await Cli.Wrap("npm").WithArguments(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).WithWorkingDirectory(LintDirectory)
            .ExecuteBufferedAsync();
    });

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

    /// <summary>
    /// Runs validate.mjs (as scripts/validate-workflows.sh does) over one file written to a temporary folder and
    /// returns its output: "ok - FILE" or "FILE:LINE:COL: message" lines, then the "workflow-lint:" total.
    /// </summary>
    private static async Task<string> Lint(string fileName, string content, string? actionsDirectory = null)
    {
        await LintInstalled.Value;
        using var dir = new TemporaryDirectory();
        var file = dir.WriteFile(fileName, content);
        var arguments = new List<string> { "--import", "./register.mjs", "validate.mjs" };
        if (actionsDirectory is not null)
        {
            arguments.AddRange(["--actions", actionsDirectory]);
        }
        arguments.Add(file);
        var result = await Cli.Wrap("node").WithArguments(arguments).WithWorkingDirectory(LintDirectory)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return result.StandardOutput + result.StandardError;
    }

    /// <summary>The lint's whole output for one clean file.</summary>
    private static void AssertClean(string output) => Assert.Multiple(() =>
    {
        Assert.That(output, Does.StartWith("ok - "));
        Assert.That(output, Does.Contain("workflow-lint: 1 files, 0 problems"));
    });

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

    [Test]
    public async Task Lint_PlainRunScalarWithHashComment_IsRejected()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              report:
                runs-on: ubuntu-latest
                steps:
                  - env:
                      STATUS: ok
                    run: echo "Production status $STATUS${INCIDENT:+ (incident #$INCIDENT)}"
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("workflow.yml:8:68: run: ` #` starts a YAML comment here;" +
                " the runner receives 'echo \"Production status $STATUS${INCIDENT:+ (incident'"));
            Assert.That(output, Does.Contain("workflow.yml:8:1: run: script does not parse as bash:"), "the truncated script is not bash either");
            Assert.That(output, Does.Contain("workflow-lint: 1 files, 2 problems"));
        });
    }

    [Test]
    public async Task Lint_BlockOrQuotedRunScalarWithHash_IsAccepted()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              report:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "Production status $STATUS${INCIDENT:+ (incident #$INCIDENT)}"
                  - run: 'echo "#1 and # 2"'   # a YAML comment after a quoted scalar is the author's
                  - run: echo "issue#1"
            """);
        AssertClean(output);
    }

    [Test]
    public async Task Lint_RunScriptThatDoesNotParseAsBash_IsRejected()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      if [ -n "${{ github.sha }}" ]; then
                        echo building
                      done
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("workflow.yml:9:1: run: script does not parse as bash: syntax error near unexpected token `done'"));
            Assert.That(output, Does.Contain("workflow-lint: 1 files, 1 problems"));
        });
    }

    [Test]
    public async Task Lint_RunScriptThatParsesAsBash_OrUsesAnotherShell_IsAccepted()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      if [ -n "${{ github.sha }}" ]; then
                        echo building
                      fi
                  - shell: pwsh
                    run: if ($env:CI) { Write-Host "not bash" }
              windows:
                runs-on: windows-latest
                steps:
                  - run: if ($env:CI) { Write-Host "pwsh by default" }
            """);
        AssertClean(output);
    }

    [Test]
    public async Task Lint_UnknownInputOfOurAction_IsRejectedWithSuggestion()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              plan:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/predict-tests
                    with: { max-shard: 3, dissabled: yes }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("workflow.yml:7:17: with: max-shard: predict-tests has no input 'max-shard'; did you mean 'max-shards'?"));
            Assert.That(output, Does.Contain("workflow.yml:7:31: with: dissabled: predict-tests has no input 'dissabled'; did you mean 'disabled'?"));
            Assert.That(output, Does.Contain("workflow-lint: 1 files, 2 problems"));
        });
    }

    [Test]
    public async Task Lint_DeclaredInputsOfOurAction_AreAccepted()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              plan:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/predict-tests
                    with: { max-shards: 3, disabled: true }
            """);
        AssertClean(output);
    }

    [Test]
    public async Task Lint_UndeclaredOutputOfOurAction_IsRejected()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              plan:
                runs-on: ubuntu-latest
                outputs:
                  matrix: ${{ steps.plan.outputs.shard_matrix }}
                steps:
                  - id: plan
                    uses: ./actions/predict-tests
                  - if: steps.plan.outputs.runall == 'true'
                    env:
                      RISK: ${{ steps.plan.outputs.risk }}
                    run: echo "$RISK"
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("workflow.yml:6:19: steps.plan.outputs.shard_matrix: predict-tests has no output 'shard_matrix'; did you mean 'shard-matrix'?"));
            Assert.That(output, Does.Contain("workflow.yml:10:13: steps.plan.outputs.runall: predict-tests has no output 'runall'; did you mean 'run-all'?"),
                "if: conditions are expressions without ${{ }}");
            Assert.That(output, Does.Not.Contain("outputs.risk"));
            Assert.That(output, Does.Contain("workflow-lint: 1 files, 2 problems"));
        });
    }

    [Test]
    public async Task Lint_DeclaredOutputsOfOurAction_AreAccepted()
    {
        var output = await Lint("workflow.yml", """
            on: push
            jobs:
              plan:
                runs-on: ubuntu-latest
                outputs:
                  matrix: ${{ steps.plan.outputs.shard-matrix }}
                steps:
                  - id: plan
                    uses: ./actions/predict-tests
                  - if: steps.plan.outputs.run-all == 'true'
                    env:
                      RISK: ${{ steps.plan.outputs['risk'] }}
                    run: echo "$RISK"
            """);
        AssertClean(output);
    }

    [Test]
    public async Task Lint_MissingRequiredInput_IsRejected()
    {
        // None of the real actions has a required input: a stand-in actions/ folder has one (and one with a default).
        using var actions = new TemporaryDirectory();
        actions.WriteFile(Path.Combine("needs-token", "action.yml"), """
            name: needs-token
            description: An action with required inputs.
            inputs:
              token:
                description: Required, no default.
                required: true
              level:
                description: Required, with a default.
                required: true
                default: '1'
              extra:
                description: Optional.
                required: false
            runs:
              using: docker
              image: Dockerfile
            """);
        var missing = await Lint("workflow.yml", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/needs-token
                    with:
                      extra: x
            """, actions.Path);
        var given = await Lint("workflow.yml", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/needs-token
                    with:
                      token: ${{ secrets.TOKEN }}
            """, actions.Path);
        Assert.Multiple(() =>
        {
            Assert.That(missing, Does.Contain("workflow.yml:6:15: with: needs-token requires input 'token' (required: true, no default)"));
            Assert.That(missing, Does.Not.Contain("'level'"), "a required input with a default may be left out");
            Assert.That(missing, Does.Contain("workflow-lint: 1 files, 1 problems"));
        });
        AssertClean(given);
    }

    [Test]
    public async Task Lint_RemoteReferenceByName_IsCheckedLikeLocal()
    {
        // A README example: a bare list of steps (not a workflow), our action referenced by repository and tag.
        var output = await Lint("README.md", """
            # Usage

            ```yaml
            - id: plan
              uses: bookiji/bookiji-actions/actions/predict-tests@v1
              with: { max-shard: 3, dissabled: yes }
            - env:
                MATRIX: ${{ steps.plan.outputs.shard_matrix }}
              run: echo "$MATRIX"
            - uses: someone/bookiji-actions/actions/predict-test@0123456789abcdef0123456789abcdef01234567
            ```
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("README.md:6:11: with: max-shard: predict-tests has no input 'max-shard'; did you mean 'max-shards'?"));
            Assert.That(output, Does.Contain("README.md:6:25: with: dissabled: predict-tests has no input 'dissabled'; did you mean 'disabled'?"));
            Assert.That(output, Does.Contain("README.md:8:17: steps.plan.outputs.shard_matrix: predict-tests has no output 'shard_matrix'; did you mean 'shard-matrix'?"));
            Assert.That(output, Does.Contain("README.md:10:9: someone/bookiji-actions/actions/predict-test@0123456789abcdef0123456789abcdef01234567:" +
                " there is no action 'predict-test' in actions/; did you mean 'predict-tests'?"));
            Assert.That(output, Does.Contain("workflow-lint: 1 files, 4 problems"));
        });
    }

    [Test]
    public async Task Lint_RemoteReferenceByName_WithDeclaredInputsAndOutputs_IsAccepted()
    {
        var output = await Lint("README.md", """
            # Usage

            ```yaml
            - id: plan
              uses: bookiji/bookiji-actions/actions/predict-tests@v1
              with: { max-shards: 3, disabled: true }
            - env:
                MATRIX: ${{ steps.plan.outputs.shard-matrix }}
              run: echo "$MATRIX"
            ```
            """);
        AssertClean(output);
    }

    [Test]
    public async Task Lint_ReadmeFences_ThatDoNotLoad_AreInvalidWorkflows_OrReadUndeclaredJobOutputs_AreRejected()
    {
        var output = await Lint("README.md", """
            # Usage

            ```yaml
            key: [unclosed
            ```

            A whole workflow goes through GitHub's parser:

            ```yaml
            on: push
            jobs:
              a:
                runs-onn: ubuntu-latest
                steps:
                  - run: echo
            ```

            A map of jobs (no on:) is checked structurally:

            ```yaml
            plan:
              runs-on: ubuntu-latest
              outputs:
                matrix: x
              steps: []
            e2e:
              needs: plan
              runs-on: ubuntu-latest
              strategy:
                matrix: ${{ fromJSON(needs.plan.outputs.matrx) }}
              steps: []
            ```
            """);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("README.md:4:15: does not load as YAML:"));
            Assert.That(output, Does.Contain("README.md:13:5: Unexpected value 'runs-onn'"));
            Assert.That(output, Does.Contain("README.md:30:26: needs.plan.outputs.matrx: job 'plan' has no output 'matrx'; did you mean 'matrix'?"));
        });
    }
}
