namespace Bookiji.Actions.PredictTests;

/// <summary>How to reach the optional model; present only when an API key is given.</summary>
/// <param name="ApiKey">The OpenAI-compatible key (masked).</param>
/// <param name="Model">The model name.</param>
/// <param name="Endpoint">An OpenAI-compatible server's base URL; null for OpenAI's API.</param>
/// <param name="Timeout">The bound on the whole call, retries included.</param>
/// <param name="MaxOutputTokens">The answer's token budget.</param>
public sealed record LlmOptions(string ApiKey, string Model, Uri? Endpoint, TimeSpan Timeout, int MaxOutputTokens);
