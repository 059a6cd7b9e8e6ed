using System.Text;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>Writes the files actions produce the same way everywhere: folders created, UTF-8 without BOM, a final newline.</summary>
public static class OutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (a newline is added when missing).</summary>
    public static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, text.EndsWith('\n') ? text : text + "\n", Utf8NoBom, cancellationToken);
    }
}
