using System.Globalization;
using System.Text.Json;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>One Gatus-style condition, e.g. <c>[STATUS] == 200</c>, <c>[RESPONSE_TIME] &lt; 800</c>, <c>[BODY].status == ok</c>.</summary>
/// <param name="Text">The condition as written.</param>
/// <param name="Subject">What it looks at.</param>
/// <param name="BodyPath">For <c>[BODY].a.b[0]</c>: the steps <c>a</c>, <c>b</c>, <c>[0]</c>; empty for the whole body.</param>
/// <param name="Operator">One of == != &lt; &lt;= &gt; &gt;=.</param>
/// <param name="Expected">The right-hand side.</param>
public sealed record Condition(string Text, ConditionSubject Subject, IReadOnlyList<string> BodyPath, string Operator, string Expected)
{
    private const int MaxShown = 80;

    /// <summary>Evaluates against one probe that took <paramref name="elapsed"/>; the detail says what was seen when it fails.</summary>
    public (bool Passed, string? Detail) Evaluate(ProbeResponse response, TimeSpan elapsed)
    {
        switch (Subject)
        {
            case ConditionSubject.ResponseTime:
                var ms = Math.Round(elapsed.TotalMilliseconds);
                return Compare(ms.ToString(CultureInfo.InvariantCulture)) ? (true, null) : (false, $"took {ms} ms");
            case ConditionSubject.Status when response.Status is { } status:
                return Compare(status.ToString(CultureInfo.InvariantCulture)) ? (true, null) : (false, $"got {status}");
            case ConditionSubject.Status:
                return (false, "no HTTP answer");
            default:
                return EvaluateBody(response);
        }
    }

    private (bool, string?) EvaluateBody(ProbeResponse response)
    {
        if (response.Status is null || response.Body is not { } body)
        {
            return (false, "no HTTP answer");
        }

        if (body.Cut)
        {
            return (false, $"body longer than {body.Bytes.Length} bytes was cut, not evaluated");
        }

        if (BodyPath.Count == 0)
        {
            var text = body.Text;
            return Compare(text) ? (true, null) : (false, $"body was '{Shown(text)}'");
        }

        JsonElement value;
        try
        {
            using var document = JsonDocument.Parse(body.Bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (!TryNavigate(document.RootElement, out value))
            {
                return (false, $"body has no {string.Concat(BodyPath.Select(s => s.StartsWith('[') ? s : "." + s))}");
            }

            value = value.Clone();
        }
        catch (JsonException)
        {
            return (false, "body is not JSON");
        }

        var actual = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => value.GetRawText(),
        };
        return Compare(actual) ? (true, null) : (false, $"was '{Shown(actual)}'");
    }

    private bool TryNavigate(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var step in BodyPath)
        {
            if (step.StartsWith('['))
            {
                var index = int.Parse(step.AsSpan(1, step.Length - 2), CultureInfo.InvariantCulture);
                if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
            }
            else if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Numbers compare as numbers; otherwise == and != compare text and the ordering operators fail.</summary>
    private bool Compare(string actual)
    {
        var numeric = double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            & double.TryParse(Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e);
        if (numeric)
        {
            return Operator switch
            {
                "==" => a == e,
                "!=" => a != e,
                "<" => a < e,
                "<=" => a <= e,
                ">" => a > e,
                _ => a >= e,
            };
        }

        return Operator switch
        {
            "==" => string.Equals(actual, Expected, StringComparison.Ordinal),
            "!=" => !string.Equals(actual, Expected, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Upstream text reaches reports only cut short and without characters that break markdown or HTML comments.</summary>
    private static string Shown(string text)
    {
        var cleaned = new string([.. text.Take(MaxShown).Select(c => char.IsControl(c) || c is '`' or '<' or '>' or '|' ? ' ' : c)]);
        return text.Length > MaxShown ? cleaned + "…" : cleaned;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
