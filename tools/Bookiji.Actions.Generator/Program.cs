using Bookiji.Actions.Generator;

// usage: Bookiji.Actions.Generator [--check] [REPOSITORY_ROOT]
//   writes every action.yml and README table from the declarations; --check only reports drift (exit 1).
var check = args.Contains("--check");
var root = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? ".");
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
