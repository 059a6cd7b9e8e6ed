using Bookiji.Actions.Generator;

// usage: Bookiji.Actions.Generator [--check] [REPOSITORY_ROOT]
//          writes every action.yml, <name>.Dockerfile and README table from the declarations; --check only reports
//          drift (exit 1).
//        Bookiji.Actions.Generator --release-image NAME=REGISTRY/REPOSITORY@sha256:DIGEST ... [REPOSITORY_ROOT]
//          the release rewrite: every action.yml points at its prebuilt image (one --release-image per action).
var check = args.Contains("--check");
var images = new Dictionary<string, string>(StringComparer.Ordinal);
var root = ".";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--release-image")
    {
        var pair = i + 1 < args.Length ? args[++i] : string.Empty;
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || !ReleaseRewriter.IsPinnedImage(pair[(at + 1)..]) || !images.TryAdd(pair[..at], pair[(at + 1)..]))
        {
            Console.Error.WriteLine($"generate: --release-image needs NAME=REGISTRY/REPOSITORY@sha256:<64 hex>, once per action; got '{pair}'");
            return 2;
        }
    }
    else if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        root = args[i];
    }
    else if (args[i] != "--check")
    {
        Console.Error.WriteLine($"generate: unknown option '{args[i]}' (--check, --release-image NAME=IMAGE)");
        return 2;
    }
}

root = Path.GetFullPath(root);
if (images.Count > 0)
{
    try
    {
        foreach (var file in ReleaseRewriter.RewriteAll(root, images))
        {
            Console.WriteLine($"release: {Path.GetRelativePath(root, file)} → docker://{images[Path.GetFileName(Path.GetDirectoryName(file)!)]}");
        }
    }
    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
    {
        Console.Error.WriteLine($"generate: {ex.Message}");
        return 2;
    }

    return 0;
}

var drift = 0;
foreach (var file in Generation.Plan(root))
{
    var relative = Path.GetRelativePath(root, file.Path);
    if (file.Problem is not null)
    {
        drift++;
        Console.Error.WriteLine($"generate: {relative} {file.Problem}");
    }
    else if (!file.UpToDate && check)
    {
        drift++;
        Console.Error.WriteLine($"generate: {relative} differs from its declaration; run scripts/generate.sh");
    }
    else if (!file.UpToDate)
    {
        File.WriteAllText(file.Path, file.Expected);
        Console.WriteLine($"generate: wrote {relative}");
    }
}

return drift == 0 ? 0 : 1;
