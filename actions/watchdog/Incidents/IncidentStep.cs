namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>One planned call to GitHub, with everything it sends already decided.</summary>
/// <param name="Kind">Which call.</param>
/// <param name="Number">The issue it acts on (0 for <see cref="IncidentStepKind.Open"/>).</param>
/// <param name="Text">The comment's markdown, or the new issue's body.</param>
/// <param name="CloseReason"><c>completed</c> or <c>not_planned</c> when the update closes the issue.</param>
public sealed record IncidentStep(IncidentStepKind Kind, int Number, string? Text, string? CloseReason)
{
    /// <summary>Opens the incident with <paramref name="body"/>.</summary>
    public static IncidentStep Open(string body) => new(IncidentStepKind.Open, 0, body, null);

    /// <summary>Comments <paramref name="text"/> on issue <paramref name="number"/>.</summary>
    public static IncidentStep Comment(int number, string text) => new(IncidentStepKind.Comment, number, text, null);

    /// <summary>Rewrites issue <paramref name="number"/>'s body (null: left as is), closing it for <paramref name="closeReason"/> when given.</summary>
    public static IncidentStep Update(int number, string? body, string? closeReason = null) => new(IncidentStepKind.Update, number, body, closeReason);

    /// <summary>Whether this call closes a duplicate.</summary>
    public bool ClosesDuplicate => Kind == IncidentStepKind.Update && CloseReason == "not_planned";
}
