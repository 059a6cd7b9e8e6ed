using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.EphemeralEnv.Database;
using Bookiji.Actions.EphemeralEnv.Naming;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>What <c>mode: destroy</c> needs: the environment's names and the database (the URL template is not read).</summary>
public sealed record DestroyInputs : EphemeralEnvInputs
{
    /// <summary>The environment's database and Redis names.</summary>
    public required EnvironmentNames Names { get; init; }

    public required DatabaseTarget Database { get; init; }

    internal static DestroyInputs? Parse(InputReader reader, ActionRuntime runtime, CommonParts common, DatabaseTarget? database)
    {
        var appEnv = ReadAppEnv(reader, runtime);
        if (appEnv is not { } env || database is null)
        {
            return null;
        }

        return new DestroyInputs
        {
            SchemaPrefix = common.SchemaPrefix,
            RedisPrefix = common.RedisPrefix,
            Redis = common.Redis,
            Names = EnvironmentNaming.Build(env.AppEnv, common.SchemaPrefix, common.Redis is null ? null : common.RedisPrefix),
            Database = database,
        };
    }
}
