namespace Bookiji.Actions.Tests.Actions.EphemeralEnv;

/// <summary>Searches every file under a folder, and a log, for secrets (the add-mask lines themselves excepted).</summary>
internal static class SecretScan
{
    public static IReadOnlyList<string> Find(string folder, string log, params string[] secrets)
    {
        var hits = new List<string>();
        var cleanLog = string.Join('\n', log.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));
        foreach (var secret in secrets)
        {
            if (cleanLog.Contains(secret, StringComparison.Ordinal))
            {
                hits.Add($"log contains {secret}");
            }

            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (File.ReadAllText(file).Contains(secret, StringComparison.Ordinal))
                {
                    hits.Add($"{file} contains {secret}");
                }
            }
        }

        return hits;
    }
}
