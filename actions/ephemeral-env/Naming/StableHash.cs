using System.Security.Cryptography;
using System.Text;

namespace Bookiji.Actions.EphemeralEnv.Naming;

/// <summary>Hashes that stay the same across runs, machines and .NET versions (unlike <c>string.GetHashCode</c>).</summary>
public static class StableHash
{
    /// <summary>The first <paramref name="length"/> hex digits of SHA-256 of <paramref name="text"/>.</summary>
    public static string Hex(string text, int length = 6) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length].ToLowerInvariant();

    /// <summary>A 64-bit key for <c>pg_advisory_xact_lock</c>.</summary>
    public static long LockKey(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("bookiji-ephemeral-env:" + text)), 0);

    /// <summary>
    /// Shortens <paramref name="name"/> to at most <paramref name="maxBytes"/> bytes by keeping a prefix and
    /// appending <paramref name="separator"/> and a hash of the whole name, so distinct long names stay distinct
    /// (PostgreSQL silently truncates identifiers over 63 bytes; DNS labels stop at 63).
    /// </summary>
    public static string Shorten(string name, int maxBytes, char separator)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var suffix = separator + Hex(name);
        return name[..(maxBytes - suffix.Length)].TrimEnd(separator) + suffix;
    }
}
