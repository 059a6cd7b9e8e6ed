using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Walks a <c>package.json</c> <c>exports</c> or <c>imports</c> field for one subpath, the way Node does, but
/// keeping the target of EVERY condition (nested ones included) instead of the first match of one condition
/// set: a superset of what any <c>customConditions</c>/<c>resolve.conditions</c> selects, so a custom
/// condition pointing at source is never missed, whichever config declares it.
/// </summary>
public static class PackageExports
{
    private const int MaxDepth = 16;

    /// <summary>The targets (package-relative, e.g. <c>./src/v4/index.ts</c>) for <paramref name="subpath"/> (<c>.</c>, <c>./v4</c> or <c>#x</c>).</summary>
    public static IReadOnlyList<string> Targets(JsonElement field, string subpath)
    {
        var found = new List<string>();
        if (field.ValueKind == JsonValueKind.Object && field.EnumerateObject().Any(p => p.Name.StartsWith('.') || p.Name.StartsWith('#')))
        {
            if (Match(field, subpath) is { } hit)
            {
                Leaves(hit.Value, hit.Star, found, 0);
            }
        }
        else if (subpath == ".")
        {
            // Sugar: a string, an array or a conditions object stands for ".".
            Leaves(field, null, found, 0);
        }

        return found;
    }

    /// <summary>Every target string anywhere in the field, whatever the subpath or condition (stars left as written).</summary>
    public static IReadOnlyList<string> AllTargets(JsonElement field)
    {
        var found = new List<string>();
        Leaves(field, null, found, 0);
        return found;
    }

    private static (JsonElement Value, string? Star)? Match(JsonElement map, string subpath)
    {
        (JsonElement Value, string? Star)? best = null;
        var bestPrefix = -1;
        foreach (var entry in map.EnumerateObject())
        {
            var key = entry.Name;
            if (key == subpath)
            {
                return (entry.Value, null);
            }

            var star = key.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0)
            {
                var (prefix, suffix) = (key[..star], key[(star + 1)..]);
                if (subpath.Length >= prefix.Length + suffix.Length && subpath.StartsWith(prefix, StringComparison.Ordinal) && subpath.EndsWith(suffix, StringComparison.Ordinal) && prefix.Length > bestPrefix)
                {
                    (best, bestPrefix) = ((entry.Value, subpath[prefix.Length..^suffix.Length]), prefix.Length);
                }
            }
            else if (key.EndsWith('/') && subpath.StartsWith(key, StringComparison.Ordinal) && key.Length > bestPrefix)
            {
                // Legacy folder mapping: "./features/": "./src/features/".
                (best, bestPrefix) = ((entry.Value, "\0folder" + subpath[key.Length..]), key.Length);
            }
        }

        return best;
    }

    private static void Leaves(JsonElement value, string? star, List<string> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var target = value.GetString() ?? string.Empty;
                found.Add(star is null ? target : star.StartsWith('\0') ? target + star["\0folder".Length..] : target.Replace("*", star, StringComparison.Ordinal));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Leaves(item, star, found, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                foreach (var condition in value.EnumerateObject())
                {
                    Leaves(condition.Value, star, found, depth + 1);
                }

                break;
            default:
                // null excludes the subpath; numbers and booleans are not targets.
                break;
        }
    }
}
