using System.Text.Json.Serialization;

namespace Bookiji.Actions.Demo;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class DemoJson : JsonSerializerContext;
