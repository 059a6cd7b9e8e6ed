namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Where the descriptor was written, and what could not be.</summary>
/// <param name="Archive">The archived copy, <c>&lt;descriptor-dir&gt;/&lt;app-env&gt;.json</c>, when written.</param>
/// <param name="App">The app's copy, when written.</param>
/// <param name="Problems">Why a copy was not written.</param>
internal sealed record DescriptorPaths(string? Archive, string? App, IReadOnlyList<string> Problems);
