using System.Security.Cryptography;
using System.Text;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>One <c>.sql</c> migration.</summary>
/// <param name="Name">The file name, which orders and identifies it.</param>
/// <param name="Sql">Its text.</param>
public sealed record MigrationFile(string Name, string Sql)
{
    /// <summary>SHA-256 of the text, to notice a file edited after it was applied.</summary>
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql))).ToLowerInvariant();
}
