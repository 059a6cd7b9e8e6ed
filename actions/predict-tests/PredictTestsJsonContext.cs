using System.Text.Json;
using System.Text.Json.Serialization;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Durations;
using Bookiji.Actions.PredictTests.Evaluate;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Llm;
using Bookiji.Actions.PredictTests.Report;

namespace Bookiji.Actions.PredictTests;

/// <summary>Every JSON file predict-tests reads or writes, source-generated; maps and reports may carry comments and trailing commas.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(CiPlanFile))]
[JsonSerializable(typeof(EvaluationReportFile))]
[JsonSerializable(typeof(TestMap))]
[JsonSerializable(typeof(PlaywrightReport))]
[JsonSerializable(typeof(LlmAnswer))]
[JsonSerializable(typeof(Impact.Results.JestJsonReport))]
[JsonSerializable(typeof(TsConfig))]
[JsonSerializable(typeof(PackageJson))]
[JsonSerializable(typeof(IReadOnlyList<Changes.PullRequestFile>))]
[JsonSerializable(typeof(Changes.PullRequestInfo))]
internal sealed partial class PredictTestsJsonContext : JsonSerializerContext;
