using System.Text.Json;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Diffy-style comparison of a baseline and a canary response: status first, then JSON bodies field by field
/// with noisy fields ignored; returns the first difference's JSON path, or <c>null</c> when they agree.
/// </summary>
public static class ResponseDiffer
{
    /// <summary>The first difference, e.g. <c>status 200 → 500</c> or <c>$.slots[2].price: 10 → 12</c>.</summary>
    /// <param name="baselineStatus">The baseline's status.</param>
    /// <param name="baselineBody">The baseline's JSON body, if read.</param>
    /// <param name="canaryStatus">The canary's status.</param>
    /// <param name="canaryBody">The canary's JSON body, if read.</param>
    /// <param name="ignoreFields">Field names ignored anywhere.</param>
    /// <param name="ignorePaths">Generalized paths (<c>$.slots[*].price</c>) ignored, e.g. learned as noisy for this endpoint.</param>
    /// <param name="redactFields">Field-name parts (any case) whose values are never shown, e.g. <c>token</c>; null for the defaults.</param>
    public static string? Compare(int? baselineStatus, string? baselineBody, int? canaryStatus, string? canaryBody, IReadOnlySet<string> ignoreFields,
        IReadOnlySet<string>? ignorePaths = null, IReadOnlyList<string>? redactFields = null)
    {
        if (baselineStatus != canaryStatus)
        {
            return $"status {Show(baselineStatus)} → {Show(canaryStatus)}";
        }

        if (baselineBody is null || canaryBody is null)
        {
            return null;
        }

        try
        {
            using var a = JsonDocument.Parse(baselineBody);
            using var b = JsonDocument.Parse(canaryBody);
            var found = new List<(string Path, string Message)>();
            Walk(a.RootElement, b.RootElement, "$", "$", ignoreFields, ignorePaths, found, null, 1);
            return found.Count == 0 ? null : Redact(found[0].Path, found[0].Message, redactFields ?? DefaultRedactFields);
        }
        catch (JsonException)
        {
            return baselineBody == canaryBody ? null : "body (not JSON) differs";
        }
    }

    /// <summary>Every differing generalized path between two JSON bodies (up to <paramref name="limit"/>): what a noise pass learns.</summary>
    public static IReadOnlyList<string> DifferingPaths(string first, string second, IReadOnlySet<string>? ignoreFields = null, int limit = 50)
    {
        try
        {
            using var a = JsonDocument.Parse(first);
            using var b = JsonDocument.Parse(second);
            var found = new List<(string Path, string Message)>();
            // The limit counts distinct paths: 60 list items differing in one field are one path, not the whole budget.
            Walk(a.RootElement, b.RootElement, "$", "$", ignoreFields ?? new HashSet<string>(), null, found, new HashSet<string>(StringComparer.Ordinal), limit);
            return [.. found.Select(f => f.Path)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Records a difference; with <paramref name="distinct"/>, only the first at each generalized path.</summary>
    private static void Add(List<(string Path, string Message)> found, HashSet<string>? distinct, string general, string message)
    {
        if (distinct is null || distinct.Add(general))
        {
            found.Add((general, message));
        }
    }

    private static void Walk(JsonElement a, JsonElement b, string path, string general, IReadOnlySet<string> ignore, IReadOnlySet<string>? ignorePaths,
        List<(string Path, string Message)> found, HashSet<string>? distinct, int limit)
    {
        if (found.Count >= limit || (ignorePaths is not null && ignorePaths.Contains(general)))
        {
            return;
        }

        if (a.ValueKind != b.ValueKind)
        {
            Add(found, distinct, general, $"{path}: {a.ValueKind} → {b.ValueKind}");
            return;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in a.EnumerateObject())
                {
                    if (ignore.Contains(property.Name) || (ignorePaths is not null && ignorePaths.Contains($"{general}.{property.Name}")))
                    {
                        continue;
                    }

                    if (!b.TryGetProperty(property.Name, out var other))
                    {
                        Add(found, distinct, $"{general}.{property.Name}", $"{path}.{property.Name}: missing in canary");
                        continue;
                    }

                    Walk(property.Value, other, $"{path}.{property.Name}", $"{general}.{property.Name}", ignore, ignorePaths, found, distinct, limit);
                }

                foreach (var property in b.EnumerateObject())
                {
                    if (!ignore.Contains(property.Name) && !a.TryGetProperty(property.Name, out _) && (ignorePaths is null || !ignorePaths.Contains($"{general}.{property.Name}")))
                    {
                        Add(found, distinct, $"{general}.{property.Name}", $"{path}.{property.Name}: new in canary");
                    }
                }

                return;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    Add(found, distinct, general, $"{path}: {a.GetArrayLength()} items → {b.GetArrayLength()}");
                    return;
                }

                var i = 0;
                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        Walk(left.Current, right.Current, $"{path}[{i++}]", $"{general}[*]", ignore, ignorePaths, found, distinct, limit);
                    }
                }

                return;
            default:
                if (a.GetRawText() != b.GetRawText())
                {
                    Add(found, distinct, general, $"{path}: {Trim(a.GetRawText())} → {Trim(b.GetRawText())}");
                }

                return;
        }
    }

    /// <summary>The field-name parts whose values are redacted by default (the <c>redact-fields</c> default).</summary>
    public static IReadOnlyList<string> DefaultRedactFields => TrafficShadowDefinition.RedactFields.Defaults;

    /// <summary>
    /// The message as written to files: values at a secret-looking path (any field name on it contains one of
    /// <paramref name="redactFields"/>) are replaced, and the whole is capped at <see cref="MaxExampleLength"/> characters.
    /// </summary>
    private static string Redact(string generalPath, string message, IReadOnlyList<string> redactFields)
    {
        var names = generalPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(n => n.Replace("[*]", string.Empty, StringComparison.Ordinal));
        if (names.Any(n => redactFields.Any(f => f.Length > 0 && n.Contains(f, StringComparison.OrdinalIgnoreCase))) && message.Contains(" → ", StringComparison.Ordinal))
        {
            var colon = message.IndexOf(": ", StringComparison.Ordinal);
            message = (colon < 0 ? message : message[..colon]) + ": (redacted) → (redacted)";
        }

        return message.Length > MaxExampleLength ? message[..MaxExampleLength] + "…" : message;
    }

    /// <summary>The longest example of a difference written anywhere.</summary>
    public const int MaxExampleLength = 200;

    private static string Show(int? status) => status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";

    private static string Trim(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
