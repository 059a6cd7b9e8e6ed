using System.Text.RegularExpressions;

namespace Bookiji.Actions.Generator;

/// <summary>
/// The release rewrite: every action.yml's <c>image: ../../&lt;name&gt;.Dockerfile</c> becomes
/// <c>image: docker://REGISTRY/NAME@sha256:DIGEST</c> (that action's own image), so users pull the image built once by
/// the release instead of building the Dockerfile in every job. Only the <c>image:</c> line changes; the digest pins
/// the exact bytes.
/// </summary>
public static partial class ReleaseRewriter
{
    /// <summary>Whether <paramref name="image"/> is <c>registry/name@sha256:&lt;64 hex&gt;</c> (no tag: tags move).</summary>
    public static bool IsPinnedImage(string image) => PinnedImage().IsMatch(image ?? string.Empty);

    /// <summary>The action.yml text with its Dockerfile image replaced by <paramref name="image"/>.</summary>
    public static string Rewrite(string actionYml, string image)
    {
        ArgumentNullException.ThrowIfNull(actionYml);
        if (!IsPinnedImage(image))
        {
            throw new ArgumentException($"'{image}' is not an image pinned by digest (registry/name@sha256:<64 hex>).", nameof(image));
        }

        var rewritten = DockerfileImage().Replace(actionYml, m => $"{m.Groups[1].Value}image: docker://{image}", 1);
        return rewritten == actionYml
            ? throw new InvalidOperationException("the action.yml has no 'image: ../../<name>.Dockerfile' line to rewrite")
            : rewritten;
    }

    /// <summary>
    /// Rewrites every <c>actions/&lt;name&gt;/action.yml</c> under <paramref name="repositoryRoot"/> to
    /// <paramref name="images"/>[name]; returns the files changed. Every action needs its image, and every image an
    /// action, or nothing is written.
    /// </summary>
    public static IReadOnlyList<string> RewriteAll(string repositoryRoot, IReadOnlyDictionary<string, string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var files = Directory.GetDirectories(Path.Combine(repositoryRoot, "actions"))
            .Select(d => Path.Combine(d, "action.yml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(Path.GetDirectoryName(f)!), f => f, StringComparer.Ordinal);
        var missing = files.Keys.Where(n => !images.ContainsKey(n)).ToList();
        var unknown = images.Keys.Where(n => !files.ContainsKey(n)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new ArgumentException(
                (missing.Count > 0 ? $"no image for {string.Join(", ", missing)}. " : string.Empty)
                + (unknown.Count > 0 ? $"no action named {string.Join(", ", unknown)}." : string.Empty),
                nameof(images));
        }

        var rewritten = files.ToDictionary(f => f.Value, f => Rewrite(File.ReadAllText(f.Value), images[f.Key]), StringComparer.Ordinal);
        foreach (var (file, text) in rewritten)
        {
            File.WriteAllText(file, text);
        }

        return [.. rewritten.Keys];
    }

    [GeneratedRegex(@"^[a-z0-9.\-]+(:[0-9]+)?(/[a-z0-9._\-]+)+@sha256:[0-9a-f]{64}\z")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^(\s*)image:\s*['""]?\.\./\.\./[a-z0-9-]+\.Dockerfile['""]?\s*$", RegexOptions.Multiline)]
    private static partial Regex DockerfileImage();
}
