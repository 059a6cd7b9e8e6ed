namespace Bookiji.Actions.PredictTests.Llm;

/// <summary>The model's structured answer, as the JSON schema asks for it (validated after reading).</summary>
/// <param name="AddTests">Existing test files that should also run.</param>
/// <param name="Risk">low, medium or high.</param>
/// <param name="Reason">One line.</param>
public sealed record LlmAnswer(IReadOnlyList<string?>? AddTests, string? Risk, string? Reason);
