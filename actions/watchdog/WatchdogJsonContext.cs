using System.Text.Json.Serialization;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Sentry;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

/// <summary>Source-generated JSON for every file and answer the watchdog reads or writes; nulls are left out.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WatchdogResult))]
[JsonSerializable(typeof(WatchdogState))]
[JsonSerializable(typeof(EndpointsFile))]
[JsonSerializable(typeof(SentryEventsResponse))]
[JsonSerializable(typeof(IReadOnlyList<Incidents.IncidentIssue>))]
[JsonSerializable(typeof(Incidents.IncidentIssue))]
[JsonSerializable(typeof(Incidents.IssueWrite))]
internal sealed partial class WatchdogJsonContext : JsonSerializerContext;
