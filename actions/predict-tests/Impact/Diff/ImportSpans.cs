namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>
/// The lines of a file's import statements before and after a change that only rebinds names: the same modules load (so
/// no module's top-level code starts or stops running) and every name both versions bind refers to the same export. A
/// hunk wholly inside these lines changes what is in scope, not what runs; the code that uses a new name is a hunk of its own.
/// </summary>
/// <param name="Before">Base-side import statement lines, flat inclusive ranges (<see cref="LineRanges"/>).</param>
/// <param name="After">Head-side import statement lines, flat inclusive ranges.</param>
public sealed record ImportSpans(IReadOnlyList<int> Before, IReadOnlyList<int> After);
