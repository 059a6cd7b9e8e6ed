namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>One name an import statement binds in the importing module.</summary>
/// <param name="Local">The name the module sees.</param>
/// <param name="Imported">The exported name it refers to: <c>default</c>, <c>*</c> for a namespace, or the named export.</param>
/// <param name="Specifier">The module specifier, as written.</param>
public sealed record ImportBinding(string Local, string Imported, string Specifier);
