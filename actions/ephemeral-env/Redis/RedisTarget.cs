using StackExchange.Redis;

namespace Bookiji.Actions.EphemeralEnv.Redis;

/// <summary>A parsed Redis connection (password included: never print <see cref="Options"/>).</summary>
/// <param name="Options">The StackExchange.Redis settings.</param>
public sealed record RedisTarget(ConfigurationOptions Options) : ISecretConnection
{
    /// <inheritdoc />
    public IReadOnlyList<string> Secrets => Options.Password is { Length: > 0 } password ? [password, Uri.EscapeDataString(password)] : [];

    /// <summary>The logical database keys live in.</summary>
    public int Database => Options.DefaultDatabase ?? 0;

    /// <summary>Turns <c>redis://[:password@]host:port[/db]</c> (or a StackExchange.Redis configuration string) into options.</summary>
    public static (RedisTarget? Target, string? Error) Parse(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.Ordinal) || url.StartsWith("rediss://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return (null, "must be a URL like redis://:password@host:6379/0.");
            }

            options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
            options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
            var userInfo = uri.UserInfo.Split(':', 2);
            if (userInfo.Length == 2)
            {
                options.User = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null;
                options.Password = Uri.UnescapeDataString(userInfo[1]);
            }

            if (int.TryParse(uri.AbsolutePath.Trim('/'), out var db))
            {
                options.DefaultDatabase = db;
            }
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(url);
            }
            catch (ArgumentException)
            {
                return (null, "must be a URL like redis://:password@host:6379/0 or a StackExchange.Redis configuration string.");
            }
        }

        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.ConnectRetry = 2;
        options.AllowAdmin = false;
        return (new RedisTarget(options), null);
    }
}
