using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Toolkit;

/// <summary>An <see cref="ActionCore"/> over a dictionary, a captured output and the toolkit tests' fixed UUID.</summary>
internal sealed class CoreHarness : IDisposable
{
    public static readonly Guid Uuid = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    public const string Delimiter = "ghadelimiter_9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"core-harness-{Guid.NewGuid():N}");

    public CoreHarness(IDictionary<string, string>? variables = null)
    {
        Directory.CreateDirectory(_temp);
        Output = new StringWriter { NewLine = "\n" };
        Environment = new ActionEnvironment(variables ?? new Dictionary<string, string>());
        Core = new ActionCore(Environment, Output, () => Uuid);
    }

    public ActionEnvironment Environment { get; }

    public StringWriter Output { get; }

    public ActionCore Core { get; }

    public string Written => Output.ToString();

    /// <summary>Creates an empty file for <c>GITHUB_{command}</c> and points the variable at it.</summary>
    public string CreateFileCommandFile(string command)
    {
        var path = Path.Combine(_temp, command);
        File.WriteAllText(path, string.Empty);
        Environment.Set($"GITHUB_{command}", path);
        return path;
    }

    public void Dispose()
    {
        Output.Dispose();
        Directory.Delete(_temp, recursive: true);
    }
}
