using System.Globalization;
using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Inputs;

public sealed partial class InputReader
{
    /// <summary>Whether the input or its environment fallback holds a value.</summary>
    public bool IsSet(InputDefinition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Raw(input.Name, input.Env) is not null;
    }

    /// <summary>The raw, trimmed text of any input or its fallback, without its default; null when unset (for inputs resolved relative to something the caller knows).</summary>
    public string? RawText(InputDefinition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Raw(input.Name, input.Env);
    }

    /// <summary>A text input: the value, its fallback, or the declared default (masked first when secret).</summary>
    public string? Read(TextInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = Raw(input.Name, input.Env) ?? input.Default;
        if (input.Secret && !string.IsNullOrEmpty(value))
        {
            _core.SetSecret(value);
        }

        RequireIfDeclared(input, value);
        return value;
    }

    /// <summary>A boolean input.</summary>
    public bool Read(FlagInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parsed(input.Name, input.Env, input.Default, FlagInput.Spellings, text =>
            FlagInput.Parse(text) is { } value ? (true, value) : (false, input.Default));
    }

    /// <summary>A whole-number input within its declared range, else its default.</summary>
    public int Read(IntegerInput input) => ReadOptional(input) ?? input.Default;

    /// <summary>A whole-number input within its declared range; null when it is not set (or invalid).</summary>
    public int? ReadOptional(IntegerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parsed<int?>(input.Name, input.Env, null, input.Accepts, text =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= input.Min && value <= input.Max
                ? (true, value) : (false, null));
    }

    /// <summary>A number input within its declared range; its default (possibly null) when not set.</summary>
    public double? Read(NumberInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parsed(input.Name, input.Env, input.Default, input.Accepts, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= input.Min && value <= input.Max
                ? (true, (double?)value) : (false, input.Default));
    }

    /// <summary>A duration input within its declared range; its default (possibly null) when not set.</summary>
    public TimeSpan? Read(DurationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parsed(input.Name, input.Env, input.Default, input.Accepts, text =>
            TryParseDuration(text, out var value) && value >= input.Min && value <= input.Max ? (true, (TimeSpan?)value) : (false, input.Default));
    }

    /// <summary>One of the declared choices.</summary>
    public T Read<T>(ChoiceInput<T> input)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parsed(input.Name, input.Env, input.Default, $"one of {input.Accepts}", text =>
            input.TryParse(text, out var value) ? (true, value) : (false, input.Default));
    }

    /// <summary>An absolute http(s) URL, kept as written; credentials in it are masked at once (or refused, when declared so).</summary>
    public UserUrl? Read(UrlInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Raw(input.Name, input.Env) ?? input.Default;
        RequireIfDeclared(input, text);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (UserUrl.TryParse(text) is not { } url)
        {
            // The text may carry credentials and is not yet masked (it failed to parse): echo it without them.
            AddError(input.Name, UserUrl.HostLabelProblem(text) is { } problem
                ? $"{input.Describe()} is not a usable URL: {problem}. Got '{RedactUnparsedUrl(text)}'."
                : $"{input.Describe()} must be an absolute http:// or https:// URL, e.g. https://pr-123.example.com; got '{RedactUnparsedUrl(text)}'.");
            return null;
        }

        if (url.HasCredentials)
        {
            _core.SetUserInfoSecret(url.Uri.UserInfo);

            if (input.RefuseCredentials)
            {
                AddError(input.Name, $"{input.Describe()} must not contain credentials (user:password@): its value is written to files others read. Pass the bare URL.");
                return null;
            }
        }

        return url;
    }

    /// <summary>The non-empty, trimmed lines of a list input, or its declared defaults when it has none.</summary>
    public IReadOnlyList<string> Read(ListInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = Lines(input.Name, input.Env);
        return lines.Count > 0 ? lines : input.Defaults;
    }

    /// <summary>
    /// A path input resolved against the workspace and confined to it (or <c>RUNNER_TEMP</c>), symbolic links
    /// followed; null when unset without a default, or when it is invalid (then an error is recorded).
    /// </summary>
    public string? Read(PathInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Raw(input.Name, input.Env) ?? input.Default;
        RequireIfDeclared(input, text);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var (full, error) = WorkspacePaths.Confine(text, Workspace, [_core.Environment.GetNonEmpty("RUNNER_TEMP")]);
        if (error is not null)
        {
            AddError(input.Name, $"{input.Describe()} {error}.");
            return null;
        }

        if (input.MustExist && !(input.Folder ? Directory.Exists(full) : File.Exists(full)))
        {
            AddError(input.Name, $"{input.Describe()} must name {(input.Folder ? "a folder" : "a file")} in the workspace; '{text}' does not exist.");
            return null;
        }

        if (Directory.Exists(full) && !input.Folder)
        {
            AddError(input.Name, $"{input.Describe()} must name a file; '{text}' is a folder.");
            return null;
        }

        return full;
    }

    /// <summary>A URL that failed to parse, without anything between <c>://</c> and its last <c>@</c> (a password may hold <c>/</c> or <c>#</c>).</summary>
    private static string RedactUnparsedUrl(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        return scheme >= 0 && at > scheme ? text[..(scheme + 3)] + "***@" + text[(at + 1)..] : text;
    }

    /// <summary>The workspace the paths are confined to: <c>GITHUB_WORKSPACE</c>, else the current directory.</summary>
    public string Workspace => WorkspacePaths.Root(_core.Environment);

    private void RequireIfDeclared(InputDefinition input, string? value)
    {
        if (input.Required && string.IsNullOrEmpty(value))
        {
            var where = input.Env is null ? string.Empty : $" (nor the {input.Env} environment variable)";
            AddError(input.Name, $"Input required and not supplied: {input.Name}{where}. Set it with `with: {input.Name}: ...`.");
        }
    }
}
