using Bookiji.Actions.Generator;

// usage: Bookiji.Actions.Generator [--check] [REPOSITORY_ROOT]
//          writes every action.yml and README table from the declarations; --check only reports drift (exit 1).
//        Bookiji.Actions.Generator --release-image REGISTRY/NAME@sha256:DIGEST [REPOSITORY_ROOT]
//          the release rewrite: every action.yml points at the prebuilt image instead of the Dockerfile.
var check = args.Contains("--check");
var releaseAt = Array.IndexOf(args, "--release-image");
var release = releaseAt >= 0 && releaseAt + 1 < args.Length ? args[releaseAt + 1] : null;
var root = Path.GetFullPath(args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && i != releaseAt + 1).FirstOrDefault() ?? ".");
if (releaseAt >= 0)
{
    if (release is null || !ReleaseRewriter.IsPinnedImage(release))
    {
        Console.Error.WriteLine($"generate: --release-image needs REGISTRY/NAME@sha256:<64 hex>; got '{release}'");
        return 2;
    }

    foreach (var file in ReleaseRewriter.RewriteAll(root, release))
    {
        Console.WriteLine($"release: {Path.GetRelativePath(root, file)} → docker://{release}");
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
