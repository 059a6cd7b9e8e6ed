using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests.Llm;

/// <summary>What the model suggested after validation: tests to add (existing ones only) and a risk it may only raise.</summary>
/// <param name="AddTests">Existing test files to add.</param>
/// <param name="Risk">The suggested risk.</param>
/// <param name="Reason">The model's one-line reason.</param>
/// <param name="Ignored">Suggestions dropped (unknown files).</param>
public sealed record LlmAdvice(IReadOnlyList<string> AddTests, Risk Risk, string Reason, IReadOnlyList<string> Ignored);
