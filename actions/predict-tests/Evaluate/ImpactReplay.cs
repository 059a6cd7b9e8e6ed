using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests.Evaluate;

/// <summary>
/// Evaluate mode's second plan of a commit: with impact data from an older commit, as a nightly refresh would have left it
/// — the parent's blobs against the analysed ones, the drift diff analysed → parent, the commit's own hunks parent → commit.
/// </summary>
public static class ImpactReplay
{
    /// <summary>The plan with impact data, or null when the data is not older than the parent (it would know the future).</summary>
    public static async Task<ImpactEvaluation?> PlanAsync(GitRepository git, ImpactIndex impact, PlanInput planInput, PlanRules rules, string parent, string sha,
        IReadOnlyDictionary<string, string> parentBlobs, IReadOnlyList<string> truth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(planInput);
        ArgumentNullException.ThrowIfNull(parentBlobs);
        var analysed = impact.Data.Commit;
        if ((await git.RunAsync(["merge-base", "--is-ancestor", "--end-of-options", analysed, parent], cancellationToken)).ExitCode != 0)
        {
            return null;
        }

        var known = parentBlobs.Keys.Where(p => impact.File(p) is not null).Order(StringComparer.Ordinal).ToList();
        var hunks = known.Count == 0 ? [] : await ImpactGit.DiffAsync(git, parent, sha, known, cancellationToken);
        var drifted = known.Where(p => parentBlobs[p] != impact.File(p)!.Blob).ToHashSet(StringComparer.Ordinal);
        var drift = drifted.Count == 0 ? [] : await ImpactGit.DiffAsync(git, analysed, parent, [.. drifted], cancellationToken);
        var imports = await ImpactGit.ImportsAsync(git, parent, sha, [.. known.Where(p => hunks.GetValueOrDefault(p) is { Count: > 0 })], cancellationToken);
        var changes = ImpactGit.Assemble(known, hunks, drifted, drift, imports);

        int? age = int.TryParse(await git.TextAsync(["rev-list", "--count", "--end-of-options", $"{analysed}..{parent}"], cancellationToken), out var n) ? n : null;
        var plan = TestPlanner.Plan(planInput with { Impact = new ImpactPlanInput(impact, changes) { AgeCommits = age, Base = parent } }, rules);
        var selected = plan.Tests.Select(t => t.Path).ToHashSet(StringComparer.Ordinal);
        var files = plan.Impact?.Files ?? [];
        return new ImpactEvaluation(
            selected.Count, truth.Count(selected.Contains), plan.RunAll, age,
            files.Count(f => f.Evidence == ImpactEvidence.Lines),
            files.Count(f => f.Evidence == ImpactEvidence.File),
            files.Count(f => f.Evidence == ImpactEvidence.ImportGraph),
            files.Count(f => f.Evidence == ImpactEvidence.ImportGraphSmaller),
            files.Sum(f => f.OutsideFunctions), files.Sum(f => f.DriftMapped), files.Sum(f => f.DriftUnmappable), files.Sum(f => f.DriftEnclosing), files.Sum(f => f.Declarations));
    }
}
