using System.Net.Http.Headers;
using System.Text.Json;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// The toolkit's <c>getIDToken</c>: an OIDC token from <c>ACTIONS_ID_TOKEN_REQUEST_URL</c> (with
/// <c>&amp;audience=</c> when given), authorised by <c>ACTIONS_ID_TOKEN_REQUEST_TOKEN</c>, masked before it is returned.
/// Needs <c>permissions: id-token: write</c> in the workflow.
/// </summary>
public static class IdTokenClient
{
    /// <summary>Requests the token; errors carry the toolkit's messages.</summary>
    public static async Task<string> GetIdTokenAsync(ActionCore core, HttpClient http, string? audience = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(http);
        var requestToken = core.Environment.GetNonEmpty("ACTIONS_ID_TOKEN_REQUEST_TOKEN")
            ?? throw new InvalidOperationException("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable");
        var url = core.Environment.GetNonEmpty("ACTIONS_ID_TOKEN_REQUEST_URL")
            ?? throw new InvalidOperationException("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
        if (!string.IsNullOrEmpty(audience))
        {
            url = $"{url}&audience={Uri.EscapeDataString(audience)}";
        }

        core.Debug($"ID token url is {url}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", requestToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Failed to get ID Token. Error Code : {(int)response.StatusCode}. Error Message: {response.ReasonPhrase}");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("Response json body do not have ID Token field");
        }

        core.SetSecret(token);
        return token;
    }
}
