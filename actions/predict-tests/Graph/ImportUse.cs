namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>One specifier a file names, and the exported names it takes from it.</summary>
/// <param name="Specifier">As written.</param>
/// <param name="Names">The names imported (<c>default</c> for a default import), or <c>null</c> when the file takes the whole
/// module: a namespace import, a side-effect import, <c>require</c>, <c>import()</c>, a mock, <c>export *</c>.</param>
public sealed record ImportUse(string Specifier, IReadOnlyList<string>? Names);
