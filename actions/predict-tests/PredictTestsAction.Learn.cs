using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Coverage;
using Bookiji.Actions.PredictTests.Impact.Results;
using Bookiji.Actions.PredictTests.Report;

namespace Bookiji.Actions.PredictTests;

public sealed partial class PredictTestsAction
{
    /// <summary>How many outcomes each test keeps in the impact data.</summary>
    public const int OutcomeWindow = 20;

    /// <summary>Learn mode: per-test coverage and test reports of this checkout → impact data.</summary>
    private static async Task LearnAsync(ActionRuntime runtime, LearnModeInputs inputs, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var clock = runtime.Time;
        var started = clock.GetTimestamp();
        var git = new GitRepository(inputs.RepositoryPath);
        var commit = await git.ResolveAsync("HEAD", cancellationToken)
            ?? throw new ActionException($"Learn mode needs the analysed commit checked out: {inputs.RepositoryPath} is not a git work tree with a HEAD.") { Title = "no commit to learn" };
        var files = await git.ListFilesAsync(cancellationToken: cancellationToken);
        var fileSet = files.ToHashSet(StringComparer.Ordinal);
        var tests = inputs.Rules.TestFiles.MatchAll(files);
        var paths = new RepositoryPaths(files, [inputs.RepositoryPath, runtime.Environment.GetNonEmpty("GITHUB_WORKSPACE") ?? inputs.RepositoryPath]);
        if (!Directory.Exists(inputs.CoverageDir))
        {
            throw new ActionException($"The coverage folder {runtime.RelativeToWorkspace(inputs.CoverageDir)} does not exist: the test job writes <coverage-dir>/<test file>/{CoverageReader.FileName} (see the README), and the artifact must be downloaded there.") { Title = "no coverage" };
        }

        var (executions, notes) = await core.Group("Reading per-test coverage", () => CoverageReader.ReadAsync(inputs.CoverageDir, fileSet, tests, paths,
            (done, all) => core.Info($"{done} of {all} coverage file(s) read"), cancellationToken));
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in executions.SelectMany(e => e.Files.Keys).Distinct(StringComparer.Ordinal))
        {
            if (await GitBlob.OfFileAsync(Path.Combine(inputs.RepositoryPath, source), cancellationToken) is { } blob)
            {
                blobs[source] = blob;
            }
        }

        var reports = ResultFiles(inputs.RepositoryPath, inputs.TestResults);
        var (outcomes, problems) = await TestResultsReader.ReadAsync(reports, paths, cancellationToken);
        var previous = await ImpactDataFile.ReadAsync(inputs.ImpactDataPath, cancellationToken);
        if (previous.Problem is { } previousProblem && !previous.Missing)
        {
            notes = [.. notes, $"The earlier impact data was not used ({previousProblem}); outcomes start afresh."];
        }

        var data = ImpactLearner.Learn(executions, blobs, outcomes, previous.Data, commit, clock.GetUtcNow(), OutcomeWindow, [.. notes, .. problems]);
        var bytes = await ImpactDataFile.WriteAsync(inputs.ImpactDataPath, data, cancellationToken);
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        await LearnReport.WriteAsync(runtime, new LearnReport.Facts(data, runtime.RelativeToWorkspace(inputs.ImpactDataPath), bytes, seconds, reports.Count, previous.Data is not null), cancellationToken);
    }

    /// <summary>The report files the globs match under the repository (untracked and ignored files included: reports usually are).</summary>
    private static List<string> ResultFiles(string repository, IReadOnlyList<string> globs)
    {
        if (globs.Count == 0)
        {
            return [];
        }

        var set = new GlobSet(globs);
        return [.. Directory.EnumerateFiles(repository, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => Path.GetRelativePath(repository, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.Contains("node_modules/", StringComparison.Ordinal) && set.IsMatch(f))
            .Order(StringComparer.Ordinal)
            .Take(1000)
            .Select(f => Path.Combine(repository, f))];
    }
}
