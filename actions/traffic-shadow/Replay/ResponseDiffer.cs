using System.Text.Json;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Diffy-style comparison of a baseline and a canary response: status first, then JSON bodies field by field
/// with noisy fields ignored; returns the first difference's JSON path, or <c>null</c> when they agree.
/// </summary>
public static class ResponseDiffer
{
    /// <summary>The first difference, e.g. <c>status 200 → 500</c> or <c>$.slots[2].price: 10 → 12</c>.</summary>
    public static string? Compare(int? baselineStatus, string? baselineBody, int? canaryStatus, string? canaryBody, IReadOnlySet<string> ignoreFields)
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
            return Walk(a.RootElement, b.RootElement, "$", ignoreFields);
        }
        catch (JsonException)
        {
            return baselineBody == canaryBody ? null : "body (not JSON) differs";
        }
    }

    private static string? Walk(JsonElement a, JsonElement b, string path, IReadOnlySet<string> ignore)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return $"{path}: {a.ValueKind} → {b.ValueKind}";
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in a.EnumerateObject())
                {
                    if (ignore.Contains(property.Name))
                    {
                        continue;
                    }

                    if (!b.TryGetProperty(property.Name, out var other))
                    {
                        return $"{path}.{property.Name}: missing in canary";
                    }

                    if (Walk(property.Value, other, $"{path}.{property.Name}", ignore) is { } diff)
                    {
                        return diff;
                    }
                }

                foreach (var property in b.EnumerateObject())
                {
                    if (!ignore.Contains(property.Name) && !a.TryGetProperty(property.Name, out _))
                    {
                        return $"{path}.{property.Name}: new in canary";
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return $"{path}: {a.GetArrayLength()} items → {b.GetArrayLength()}";
                }

                var i = 0;
                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (Walk(left.Current, right.Current, $"{path}[{i++}]", ignore) is { } diff)
                        {
                            return diff;
                        }
                    }
                }

                return null;
            default:
                return a.GetRawText() == b.GetRawText() ? null : $"{path}: {Trim(a.GetRawText())} → {Trim(b.GetRawText())}";
        }
    }

    private static string Show(int? status) => status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";

    private static string Trim(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
