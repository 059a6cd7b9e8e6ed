namespace Bookiji.Actions.SloExport.Record;

/// <summary>The workflow run a metrics file describes, from the GitHub context.</summary>
/// <param name="RunId">GITHUB_RUN_ID.</param>
/// <param name="RunAttempt">GITHUB_RUN_ATTEMPT (1 when unknown).</param>
/// <param name="CommitSha">GITHUB_SHA.</param>
/// <param name="Workflow">GITHUB_WORKFLOW.</param>
/// <param name="Ref">GITHUB_REF.</param>
/// <param name="EventName">GITHUB_EVENT_NAME.</param>
public sealed record RunIdentity(long RunId, long RunAttempt, string CommitSha, string Workflow, string Ref, string EventName);
