using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>
/// Downloads the most recent CI metrics artifacts through the GitHub REST API into the metrics folder. The API is
/// an optional upstream: refused, reset, garbage, the wrong shape or a hang each leave a warning naming the
/// artifact, and whatever arrived (and the local files) is still used. The whole download is bounded in time.
/// </summary>
public sealed class ArtifactDownloader(ArtifactSource source, ActionCore core)
{
    private long _budget = MaxTotalBytes;

    /// <summary>Most bytes of one API page read.</summary>
    public const int MaxListBytes = 8 * 1024 * 1024;

    /// <summary>Most bytes of one artifact zip downloaded.</summary>
    public const long MaxZipBytes = 64L * 1024 * 1024;

    /// <summary>Most list pages requested (100 artifacts each).</summary>
    public const int MaxPages = 10;

    /// <summary>Most bytes inflated from all artifacts of one export, so disk use is bounded whatever the archives hold.</summary>
    public const long MaxTotalBytes = 1024L * 1024 * 1024;

    /// <summary>Artifacts downloaded at once.</summary>
    public const int Parallelism = 4;

    /// <summary>Downloads into <c>{metricsDir}/artifact-{id}/</c>.</summary>
    public async Task<DownloadResult> DownloadAsync(string metricsDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsDir);
        var issues = new List<DataIssue>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Network waits are real waits: the bound runs on the system clock, whatever clock the export reports in.
        deadline.CancelAfter(source.Timeout);
        using var client = new HttpClient(ApiClient.CreateHandler(TimeProvider.System)) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(ApiClient.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        client.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");

        var listed = await ListAsync(client, issues, deadline.Token, cancellationToken);
        var branches = await TrustedBranchesAsync(client, issues, deadline.Token, cancellationToken);
        var (artifacts, refused) = ArtifactTrust.Apply(listed, branches);
        foreach (var (reason, count) in refused)
        {
            issues.Add(new DataIssue(DataIssueKind.Download, $"{count} artifact(s) '{source.Name}'", $"refused: {reason}"));
        }

        core.Info($"{artifacts.Count} artifact(s) named '{source.Name}' to download ({listed.Count - artifacts.Count} refused).");
        var downloaded = 0;
        var files = 0;
        var gate = new Lock();
        if (artifacts.Count == 0 || deadline.IsCancellationRequested)
        {
            // Nothing to fetch, or the list itself used up the time (already reported).
            return new DownloadResult(artifacts.Count, 0, 0, issues);
        }

        try
        {
            await Parallel.ForEachAsync(artifacts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = deadline.Token }, async (artifact, token) =>
            {
                var (written, problems) = await DownloadOneAsync(client, artifact, metricsDir, token, cancellationToken);
                lock (gate)
                {
                    files += written;
                    downloaded += problems.Count == 0 || written > 0 ? 1 : 0;
                    issues.AddRange(problems.Select(p => new DataIssue(DataIssueKind.Download, Label(artifact), p)));
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            issues.Add(new DataIssue(DataIssueKind.Download, $"artifacts '{source.Name}'", $"the download did not finish within {source.Timeout}; {downloaded} of {artifacts.Count} artifacts arrived and are used"));
        }

        return new DownloadResult(artifacts.Count, downloaded, files, issues);
    }

    private async Task<List<Artifact>> ListAsync(HttpClient client, List<DataIssue> issues, CancellationToken token, CancellationToken outer)
    {
        var found = new List<Artifact>();
        var label = $"artifact list '{source.Name}'";
        try
        {
            for (var page = 1; page <= MaxPages && found.Count < source.Limit; page++)
            {
                var url = string.Create(CultureInfo.InvariantCulture, $"{source.ApiUrl.TrimEnd('/')}/repos/{Uri.EscapeDataString(source.Repository.Owner)}/{Uri.EscapeDataString(source.Repository.Name)}/actions/artifacts?name={Uri.EscapeDataString(source.Name)}&per_page=100&page={page}");
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.Token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                if (!response.IsSuccessStatusCode)
                {
                    issues.Add(new DataIssue(DataIssueKind.Download, label, $"the API answered {(int)response.StatusCode} {response.ReasonPhrase}{Hint(response.StatusCode)}"));
                    break;
                }

                var body = await ReadBoundedAsync(response.Content, MaxListBytes, token);
                var list = body is null ? null : JsonSerializer.Deserialize(body, SloJsonContext.Default.ArtifactList);
                if (list?.Artifacts is not { } items)
                {
                    issues.Add(new DataIssue(DataIssueKind.Download, label, body is null ? $"the answer is over {MaxListBytes:N0} bytes" : "the answer has no 'artifacts' array"));
                    break;
                }

                // The API filters by name already; a proxy or an old server may not.
                found.AddRange(items.Where(a => a.Id > 0 && !a.Expired && a.Name == source.Name));
                if (items.Count < 100)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            issues.Add(new DataIssue(DataIssueKind.Download, label, $"no answer within {source.Timeout}; only local metrics files are used"));
        }
#pragma warning disable CA1031 // An optional upstream: any failure (refused, reset, garbage) is a warning, and the local files are still used.
        catch (Exception ex) when (ex is not OperationCanceledException || !outer.IsCancellationRequested)
#pragma warning restore CA1031
        {
            issues.Add(new DataIssue(DataIssueKind.Download, label, $"{Describe(ex)}; only local metrics files are used"));
        }

        return [.. found.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).DistinctBy(a => a.Id).Take(source.Limit)];
    }

    /// <summary>The branches whose runs are trusted: artifact-branches, else the default branch (from the event, else the API); none when it cannot be known.</summary>
    private async Task<IReadOnlySet<string>> TrustedBranchesAsync(HttpClient client, List<DataIssue> issues, CancellationToken token, CancellationToken outer)
    {
        if (source.Branches.Count > 0)
        {
            return source.Branches.ToHashSet(StringComparer.Ordinal);
        }

        if (source.DefaultBranch is { Length: > 0 } known)
        {
            return new HashSet<string>(StringComparer.Ordinal) { known };
        }

        var label = $"repository {source.Repository}";
        try
        {
            var url = $"{source.ApiUrl.TrimEnd('/')}/repos/{Uri.EscapeDataString(source.Repository.Owner)}/{Uri.EscapeDataString(source.Repository.Name)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.Token);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            var body = response.IsSuccessStatusCode ? await ReadBoundedAsync(response.Content, MaxListBytes, token) : null;
            if (body is not null && JsonSerializer.Deserialize(body, SloJsonContext.Default.RepositoryInfo)?.DefaultBranch is { Length: > 0 } branch)
            {
                return new HashSet<string>(StringComparer.Ordinal) { branch };
            }

            issues.Add(new DataIssue(DataIssueKind.Download, label, $"its default branch could not be read ({(int)response.StatusCode}); no artifact is trusted — set artifact-branches"));
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            issues.Add(new DataIssue(DataIssueKind.Download, label, "its default branch could not be read in time; no artifact is trusted — set artifact-branches"));
        }
#pragma warning disable CA1031 // An optional upstream: without the branch nothing downloaded is trusted, and the local files are still used.
        catch (Exception ex) when (ex is not OperationCanceledException || !outer.IsCancellationRequested)
#pragma warning restore CA1031
        {
            issues.Add(new DataIssue(DataIssueKind.Download, label, $"its default branch could not be read ({Describe(ex)}); no artifact is trusted — set artifact-branches"));
        }

        return new HashSet<string>(StringComparer.Ordinal);
    }

    private async Task<(int Written, List<string> Problems)> DownloadOneAsync(HttpClient client, Artifact artifact, string metricsDir, CancellationToken token, CancellationToken outer)
    {
        try
        {
            if (artifact.SizeInBytes > MaxZipBytes)
            {
                return (0, [$"is {artifact.SizeInBytes:N0} bytes; artifacts over {MaxZipBytes:N0} bytes are not downloaded"]);
            }

            // The URL is built from the API root and the numeric id, never taken from the answer's own fields.
            var url = string.Create(CultureInfo.InvariantCulture, $"{source.ApiUrl.TrimEnd('/')}/repos/{Uri.EscapeDataString(source.Repository.Owner)}/{Uri.EscapeDataString(source.Repository.Name)}/actions/artifacts/{artifact.Id}/zip");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.Token);
            using var first = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            using var redirected = await FollowRedirectAsync(client, first, token);
            var response = redirected ?? first;
            if (!response.IsSuccessStatusCode)
            {
                return (0, [$"download answered {(int)response.StatusCode} {response.ReasonPhrase}{Hint(response.StatusCode)}"]);
            }

            var zip = await ReadBoundedAsync(response.Content, MaxZipBytes, token);
            if (zip is null)
            {
                return (0, [$"the zip is over {MaxZipBytes:N0} bytes and was not extracted"]);
            }

            using var stream = new MemoryStream(zip, writable: false);
            var folder = Path.Combine(metricsDir, string.Create(CultureInfo.InvariantCulture, $"artifact-{artifact.Id}"));
            if (!WorkspacePaths.IsWithin(WorkspacePaths.RealPath(folder), WorkspacePaths.RealPath(metricsDir)))
            {
                // A link planted at artifact-{id} (e.g. committed to the repository) must not carry the files elsewhere.
                return (0, [$"{Path.GetFileName(folder)} is a link leading out of the metrics folder; not extracted"]);
            }

            // Each archive may take at most what is left of the export's budget (concurrent downloads reserve as they go).
            var allowance = Math.Min(ZipExtractor.MaxArchiveBytes, Interlocked.Read(ref _budget));
            if (allowance <= 0)
            {
                return (0, [$"not extracted: the export's {MaxTotalBytes:N0}-byte bound for all artifacts was used up"]);
            }

            Interlocked.Add(ref _budget, -allowance);
            var extracted = await ZipExtractor.ExtractAsync(stream, folder, artifact.WorkflowRun?.Id, allowance, token);
            Interlocked.Add(ref _budget, allowance - extracted.Inflated);
            core.Info($"  {Label(artifact)}: {zip.Length:N0} bytes, {extracted.Written} metrics file(s)");
            return (extracted.Written, extracted.Problems);
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An optional upstream: one bad artifact is a warning naming it; the others are still used.
        catch (Exception ex) when (ex is not OperationCanceledException || !outer.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (0, [Describe(ex)]);
        }
    }

    /// <summary>
    /// GitHub answers the zip request with 302 to a short-lived signed URL on another host. The token is never sent
    /// there, and an https API is never followed to plain http.
    /// </summary>
    private async Task<HttpResponseMessage?> FollowRedirectAsync(HttpClient client, HttpResponseMessage response, CancellationToken token)
    {
        if (response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect or HttpStatusCode.SeeOther or HttpStatusCode.PermanentRedirect))
        {
            return null;
        }

        var location = response.Headers.Location;
        if (location is null || !location.IsAbsoluteUri || (location.Scheme != Uri.UriSchemeHttps && location.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidDataException("the download redirect has no absolute http(s) Location");
        }

        if (location.Scheme == Uri.UriSchemeHttp && source.ApiUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("the download redirect leads from https to plain http and was not followed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (counted as read, not as declared).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long max, CancellationToken token)
    {
        if (content.Headers.ContentLength > max)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => " (the token was refused)",
        HttpStatusCode.Forbidden => " (the token needs 'actions: read', or a rate limit was hit)",
        HttpStatusCode.NotFound => " (no such repository or artifact, or the token cannot see it)",
        HttpStatusCode.Gone => " (the artifact expired)",
        _ => string.Empty,
    };

    private static string Describe(Exception ex) => ex switch
    {
        JsonException => "the answer is not the artifacts JSON GitHub documents",
        InvalidDataException => $"the archive is not a valid zip ({ex.Message})",
        HttpRequestException http => $"the request failed ({http.HttpRequestError}: {http.Message})",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static string Label(Artifact artifact) =>
        string.Create(CultureInfo.InvariantCulture, $"artifact #{artifact.Id} (run {artifact.WorkflowRun?.Id?.ToString(CultureInfo.InvariantCulture) ?? "?"})");
}
