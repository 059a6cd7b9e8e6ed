using Bookiji.Actions.EphemeralEnv.Redis;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>The inputs every mode reads, handed from <see cref="EphemeralEnvInputs.Parse"/> to each mode's own parse.</summary>
/// <param name="SchemaPrefix">The schema prefix.</param>
/// <param name="RedisPrefix">The Redis key prefix.</param>
/// <param name="Redis">Redis, when configured.</param>
internal sealed record CommonParts(string SchemaPrefix, string RedisPrefix, RedisTarget? Redis);
