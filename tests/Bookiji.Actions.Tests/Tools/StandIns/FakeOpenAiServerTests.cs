using System.ClientModel;
using Bookiji.Actions.StandIns.Fakes;
using OpenAI;
using OpenAI.Chat;

namespace Bookiji.Actions.Tests.Tools.StandIns;

/// <summary>The fake answers the official OpenAI .NET client, so actions can be tested against it.</summary>
[Category("Integration")]
[TestFixture]
public sealed class FakeOpenAiServerTests
{
    private static ChatClient Client(FakeOpenAiServer fake, TimeSpan? timeout = null) =>
        new("gpt-4o-mini", new ApiKeyCredential(fake.ApiKey), new OpenAIClientOptions
        {
            Endpoint = fake.Endpoint,
            NetworkTimeout = timeout ?? TimeSpan.FromSeconds(10),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });

    [Test]
    public async Task Content_IsReturnedToTheClient_AndTheRequestRecorded()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.EnqueueContent("{\"risk\":\"high\"}");
        ChatCompletion completion = await Client(fake).CompleteChatAsync([new UserChatMessage("plan tests")]);
        Assert.Multiple(() =>
        {
            Assert.That(completion.Content[0].Text, Is.EqualTo("{\"risk\":\"high\"}"));
            Assert.That(fake.Requests.Single()["model"]!.GetValue<string>(), Is.EqualTo("gpt-4o-mini"));
        });
    }

    [Test]
    public async Task Garbage_And_ServerError_SurfaceAsClientFailures()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.EnqueueGarbage();
        fake.EnqueueStatus(500);
        var client = Client(fake);
        Assert.CatchAsync<Exception>(() => client.CompleteChatAsync([new UserChatMessage("x")]));
        Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("x")]));
    }

    [Test]
    public async Task Delay_ExceedingTheClientTimeout_TimesOut()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.EnqueueDelay(TimeSpan.FromSeconds(30));
        Assert.CatchAsync<Exception>(() => Client(fake, TimeSpan.FromMilliseconds(300)).CompleteChatAsync([new UserChatMessage("x")]));
    }

    [Test]
    public async Task CompleteChat_WrongKey_Is401()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        var client = new ChatClient("m", new ApiKeyCredential("sk-wrong"), new OpenAIClientOptions { Endpoint = fake.Endpoint, RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });
        var ex = Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("x")]));
        Assert.That(ex!.Status, Is.EqualTo(401));
    }
}
