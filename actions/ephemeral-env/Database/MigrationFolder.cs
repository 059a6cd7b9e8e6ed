using System.Text;
using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// Reads a migrations folder at the action's I/O edge, refusing the whole folder when one file cannot be run as
/// written: a symbolic link leading out of the folder (its target's content must never reach a log or an error),
/// a file over <see cref="MaxFileBytes"/>, text that is not UTF-8 or holds a NUL byte (PostgreSQL cannot take it).
/// </summary>
public static class MigrationFolder
{
    /// <summary>The largest migration file read.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The <c>.sql</c> files of <paramref name="folder"/> in ordinal order of their names, or why the folder is refused.</summary>
    public static async Task<(IReadOnlyList<MigrationFile>? Files, string? Problem)> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var realFolder = WorkspacePaths.RealPath(Path.GetFullPath(folder));
        var files = new List<MigrationFile>();
        foreach (var path in Directory.GetFiles(folder, "*.sql", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!WorkspacePaths.IsWithin(WorkspacePaths.RealPath(path), realFolder))
            {
                return (null, $"Migration {name} is a symbolic link to a file outside the migrations folder; it is refused and no migration was run.");
            }

            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return (null, $"Migration {name} is {info.Length:N0} bytes; files over {MaxFileBytes:N0} bytes are not read, and no migration was run.");
            }

            string sql;
            try
            {
                sql = StrictUtf8.GetString(await File.ReadAllBytesAsync(path, cancellationToken)).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                return (null, $"Migration {name} is not valid UTF-8; no migration was run.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"Migration {name} could not be read ({ex.GetType().Name}); no migration was run.");
            }

            if (sql.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            {
                return (null, $"Migration {name} contains a NUL byte (line {SqlScript.LineAt(sql, nul)}), which PostgreSQL cannot take; no migration was run.");
            }

            files.Add(new MigrationFile(name, sql));
        }

        return (files, null);
    }
}
