using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>The brief's risk levels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Risk>))]
public enum Risk
{
    /// <summary>Only docs/config: 1 shard, minimal tests.</summary>
    [JsonStringEnumMemberName("low")]
    Low,

    /// <summary>Regular code: 2 shards, feature tests.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Core logic, payments, auth, migrations: 4 shards, comprehensive.</summary>
    [JsonStringEnumMemberName("high")]
    High,
}
