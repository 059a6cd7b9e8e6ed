using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Slo;
using D = Bookiji.Actions.SloExport.SloExportDefinition;

namespace Bookiji.Actions.SloExport;

/// <summary>The inputs of one mode, resolved: input &gt; environment variable &gt; default. Parse reads no file.</summary>
/// <param name="MetricsDirectory">The CI metrics folder (absolute, inside the workspace).</param>
public abstract partial record SloInputs(string MetricsDirectory)
{
    /// <summary>Reads the mode, then every input of that mode, reporting all problems at once.</summary>
    public static SloInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var mode = reader.Read(D.Mode);
        var metricsDir = reader.Read(D.MetricsDir);
        SloInputs? inputs = mode == SloMode.Record
            ? SloRecordInputs.Read(reader, runtime.GitHub, metricsDir)
            : SloExportInputs.Read(reader, runtime.GitHub, metricsDir);
        reader.ThrowIfInvalid();
        return inputs ?? throw new InvalidOperationException("inputs were invalid without an error");
    }

    /// <summary>A case-insensitive pattern with a match timeout (test titles are other people's text).</summary>
    internal static Regex? ReadPattern(InputReader reader)
    {
        var text = reader.Read(D.BookingPattern) ?? string.Empty;
        try
        {
            return new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            reader.AddError(D.BookingPattern.Name, $"{D.BookingPattern.Describe()} must be a valid regular expression; '{text}' is not ({ex.Message}).");
            return null;
        }
    }

    /// <summary>The service name: it becomes an OpenSLO metadata name and part of the dashboard title.</summary>
    internal static string ReadService(InputReader reader, GitHubContext context)
    {
        var service = reader.Read(D.Service) ?? DefaultService(context.Repository?.Name);
        if (!ServiceName().IsMatch(service))
        {
            reader.AddError(D.Service.Name, $"{D.Service.Describe()} must be {D.Service.Format}; got '{service}'.");
        }

        return service;
    }

    /// <summary>The service name derived from the repository's name (<c>service</c> when there is none).</summary>
    internal static string DefaultService(string? repositoryName)
    {
        var slug = string.Join('-', new string([.. (repositoryName ?? string.Empty).ToLowerInvariant().Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-')])
            .Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "service" : slug.Length > 63 ? slug[..63].TrimEnd('-') : slug;
    }

    /// <summary>Where to download artifacts from, when <c>artifact-name</c> is set.</summary>
    internal static ArtifactSource? ReadArtifacts(InputReader reader, GitHubContext context)
    {
        var name = reader.Read(D.ArtifactName);
        var limit = reader.Read(D.ArtifactLimit);
        var timeout = reader.Read(D.DownloadTimeout) ?? TimeSpan.FromMinutes(3);
        var token = reader.Read(D.GitHubToken);
        var repositoryText = reader.Read(D.Repository);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Any(char.IsControl) || name.Length > 256)
        {
            reader.AddError(D.ArtifactName.Name, $"{D.ArtifactName.Describe()} must be a single-line artifact name of at most 256 characters.");
        }

        if (string.IsNullOrEmpty(token))
        {
            reader.AddError(D.GitHubToken.Name, $"{D.GitHubToken.Describe()} is needed to download artifacts ('{name}'); pass secrets.GITHUB_TOKEN with actions: read.");
        }

        var repository = RepositoryRef.TryParse(repositoryText);
        if (repository is null)
        {
            reader.AddError(D.Repository.Name, $"{D.Repository.Describe()} must be owner/name to download artifacts; got '{repositoryText}'.");
        }

        return repository is null || string.IsNullOrEmpty(token)
            ? null
            : new ArtifactSource(name, limit, timeout, token, repository, context.ApiUrl)
            {
                Branches = reader.Read(D.ArtifactBranches),
                DefaultBranch = context.DefaultBranch,
            };
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ServiceName();
}
