using System.ClientModel;
using System.Text;
using System.Text.Json;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Planning;
using OpenAI;
using OpenAI.Chat;

namespace Bookiji.Actions.PredictTests.Llm;

/// <summary>
/// Optional refinement by an OpenAI-compatible model with a JSON-schema structured answer. The model may add
/// tests or raise the risk, never drop a test; the call is bounded in time and tokens, and any failure leaves
/// the heuristic plan as it is.
/// </summary>
public sealed class LlmRefiner(Uri? endpoint, string apiKey, string model, TimeSpan timeout, int maxOutputTokens)
{
    /// <summary>A refiner for the declared model options.</summary>
    public LlmRefiner(LlmOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Endpoint, options.ApiKey, options.Model, options.Timeout, options.MaxOutputTokens)
    {
    }

    private static readonly BinaryData Schema = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "addTests": { "type": "array", "items": { "type": "string" }, "description": "Existing test files that should also run." },
            "risk": { "type": "string", "enum": ["low", "medium", "high"] },
            "reason": { "type": "string" }
          },
          "required": ["addTests", "risk", "reason"],
          "additionalProperties": false
        }
        """);

    /// <summary>Asks the model; returns its validated advice or the reason it was not used.</summary>
    public async Task<(LlmAdvice? Advice, string? Problem)> AdviseAsync(IReadOnlyList<ChangedFile> changes, TestPlan plan, IReadOnlySet<string> allTests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(allTests);
        // Our own deadline (below) bounds the whole call, retries included; the SDK's network timeout is only a backstop.
        var options = new OpenAIClientOptions { NetworkTimeout = timeout + TimeSpan.FromSeconds(10), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(1) };
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string content;
        try
        {
            var client = new ChatClient(model, new ApiKeyCredential(apiKey), options);
            ChatCompletion completion = await client.CompleteChatAsync(
                [new SystemChatMessage(SystemPrompt), new UserChatMessage(Prompt(changes, plan, allTests))],
                new ChatCompletionOptions
                {
                    ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("test_plan_refinement", Schema, jsonSchemaIsStrict: true),
                    MaxOutputTokenCount = maxOutputTokens,
                    Temperature = 0,
                },
                deadline.Token);
            content = completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"the model did not answer within {timeout.TotalSeconds:0.#} s");
        }
#pragma warning disable CA1031 // An optional enhancement: whatever the call throws (refused, reset, AggregateException from the SDK's retries, bad answers), the heuristic plan stands.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (null, $"the model call failed ({Describe(ex)})");
        }

        return Parse(content, allTests);
    }

    /// <summary>Validates the model's JSON against the schema and the repository's real test files.</summary>
    internal static (LlmAdvice? Advice, string? Problem) Parse(string content, IReadOnlySet<string> allTests)
    {
        LlmAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(content, PredictTestsJsonContext.Default.LlmAnswer);
        }
        catch (JsonException ex)
        {
            return (null, $"the model's answer is not JSON of the schema ({FirstLine(ex.Message)})");
        }

        if (answer is not { AddTests: { } add, Risk: { } riskText })
        {
            return (null, "the model's answer does not follow the schema");
        }

        Risk? risk = riskText switch { "low" => Risk.Low, "medium" => Risk.Medium, "high" => Risk.High, _ => null };
        if (risk is null)
        {
            return (null, $"the model's risk '{riskText}' is not low, medium or high");
        }

        var suggested = add.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (new LlmAdvice([.. suggested.Where(allTests.Contains)], risk.Value, answer.Reason ?? string.Empty, [.. suggested.Where(t => !allTests.Contains(t))]), null);
    }

    /// <summary>The innermost useful message: the SDK wraps transport failures of its retries in an AggregateException.</summary>
    private static string Describe(Exception ex)
    {
        var inner = ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.LastOrDefault() ?? ex : ex;
        return $"{inner.GetType().Name}: {FirstLine(inner.Message)}";
    }

    private const string SystemPrompt =
        "You review a CI test selection. Given changed files, the tests already selected and the repository's test files, " +
        "suggest additional existing test files that the change could break, and the risk (low: docs/config only; medium: regular code; " +
        "high: core logic, payments, auth, migrations). Never suggest removing tests. Answer with the JSON schema only.";

    private static string Prompt(IReadOnlyList<ChangedFile> changes, TestPlan plan, IReadOnlySet<string> allTests)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine("Changed files:");
        foreach (var change in changes.Take(200))
        {
            prompt.AppendLine(FormattableString.Invariant($"- {change.Kind}: {change.Path}{(change.PreviousPath is null ? string.Empty : " (was " + change.PreviousPath + ")")}"));
        }

        prompt.AppendLine(FormattableString.Invariant($"Heuristic risk: {plan.Risk} ({plan.RiskReason})"));
        prompt.AppendLine("Selected tests:");
        foreach (var test in plan.Tests.Take(200))
        {
            prompt.AppendLine("- " + test.Path);
        }

        prompt.AppendLine("All test files:");
        foreach (var test in allTests.Order(StringComparer.Ordinal).Take(1000))
        {
            prompt.AppendLine("- " + test);
        }

        return prompt.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
