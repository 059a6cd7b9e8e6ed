using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.StandIns.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bookiji.Actions.Tests.Core.Toolkit;

[Category("Integration")]
[TestFixture]
public sealed class IdTokenClientTests
{
    [Test]
    public async Task GetIdToken_SendsTheRequestToken_AddsAudience_AndMasksTheResult()
    {
        string? seenAuth = null, seenQuery = null;
        await using var server = await LoopbackWebServer.StartAsync(app => app.MapGet("/token", (HttpContext ctx) =>
        {
            seenAuth = ctx.Request.Headers.Authorization.ToString();
            seenQuery = ctx.Request.QueryString.Value;
            return Results.Json(new { value = "eyJhbGciOi.fake.jwt" });
        }));
        using var h = new CoreHarness(new Dictionary<string, string>
        {
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = new Uri(server.BaseAddress, "token?api-version=2.0").ToString(),
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token",
        });
        using var http = new HttpClient();
        var token = await IdTokenClient.GetIdTokenAsync(h.Core, http, "sts.amazonaws.com");
        Assert.Multiple(() =>
        {
            Assert.That(token, Is.EqualTo("eyJhbGciOi.fake.jwt"));
            Assert.That(seenAuth, Is.EqualTo("Bearer request-token"));
            Assert.That(seenQuery, Is.EqualTo("?api-version=2.0&audience=sts.amazonaws.com"));
            Assert.That(h.Written, Does.Contain("::add-mask::eyJhbGciOi.fake.jwt"));
        });
    }

    [Test]
    public void GetIdToken_WithoutTheVariables_UsesTheToolkitMessage()
    {
        using var h = new CoreHarness();
        using var http = new HttpClient();
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => IdTokenClient.GetIdTokenAsync(h.Core, http));
        Assert.That(ex!.Message, Is.EqualTo("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable"));
    }

    [Test]
    public void StopAndResumeCommands_WithAToken_WriteStopCommandsAndTheTokenToResume()
    {
        using var h = new CoreHarness();
        h.Core.StopCommands("pause-1");
        h.Core.Info("::error::not a command while stopped");
        h.Core.ResumeCommands("pause-1");
        Assert.That(h.Written, Is.EqualTo("::stop-commands::pause-1\n::error::not a command while stopped\n::pause-1::\n"));
    }
}
