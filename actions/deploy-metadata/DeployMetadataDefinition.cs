using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The one declaration of deploy-metadata's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class DeployMetadataDefinition
{
    /// <summary>Record or roll back.</summary>
    public static readonly ChoiceInput<DeployMode> Mode = new(
        "mode",
        "record: write the deploy record (file and GitHub Deployment). rollback: promote the last good deployment before the current one.",
        DeployMode.Record,
        ("record", DeployMode.Record),
        ("rollback", DeployMode.Rollback));

    /// <summary>The GitHub deployment environment.</summary>
    public static readonly TextInput Environment = new("environment", "GitHub deployment environment the deploy is recorded in (and rolled back in).")
    {
        ComputedDefault = "preview on pull_request events, else production",
        Format = "an environment name",
    };

    /// <summary>The token for the Deployments API.</summary>
    public static readonly TextInput GitHubToken = CommonInputs.GitHubToken("Token for GitHub's Deployments API (needs deployments: write); without one the record is a file only.");

    /// <summary>Also record a GitHub Deployment.</summary>
    public static readonly FlagInput RecordDeployment = new(
        "record-deployment",
        "Also record the deploy as a GitHub Deployment (history and the immutability check then span runs; GitHub's UI shows it).",
        true);

    /// <summary>The rollback target.</summary>
    public static readonly TextInput ToSha = new("to-sha", "Rollback mode: the full SHA of the deployment to return to.")
    {
        ComputedDefault = "the last successful deployment before the current one",
        Format = "a full 40-hex commit SHA",
    };

    /// <summary>Vercel's API token.</summary>
    public static readonly TextInput VercelToken = new("vercel-token", "Rollback mode: Vercel token; with vercel-project-id the target is promoted through Vercel's API, else the steps are printed.")
    {
        Env = "VERCEL_TOKEN",
        Secret = true,
        Format = "a token",
    };

    /// <summary>The Vercel project.</summary>
    public static readonly TextInput VercelProjectId = new("vercel-project-id", "Rollback mode: the Vercel project id or name.")
    {
        Env = "VERCEL_PROJECT_ID",
        Format = "a project id or name",
    };

    /// <summary>The Vercel team.</summary>
    public static readonly TextInput VercelTeamId = new("vercel-team-id", "Rollback mode: the Vercel team id, for team projects.")
    {
        Env = "VERCEL_TEAM_ID",
        Format = "a team id",
    };

    /// <summary>The Vercel API.</summary>
    public static readonly UrlInput VercelApiUrl = new("vercel-api-url", "Rollback mode: Vercel's API base URL.")
    {
        Default = "https://api.vercel.com",
    };

    /// <summary>The commit the deploy is built from.</summary>
    public static readonly TextInput Sha = new("sha", "Record mode: full 40-character commit SHA of the deploy (short SHAs are refused: traces must be exact).")
    {
        Env = "GITHUB_SHA",
        Required = true,
        Format = "a full 40-hex commit SHA",
    };

    /// <summary>The preview deployment.</summary>
    public static readonly UrlInput PreviewUrl = new("preview-url", "Preview deployment URL, recorded exactly as given.")
    {
        Env = "PREVIEW_URL",
        ComputedDefault = "the baseUrl of ephemeral-env-file",
        RefuseCredentials = true,
    };

    /// <summary>The production deployment.</summary>
    public static readonly UrlInput ProductionUrl = new("production-url", "Production URL, recorded exactly as given.")
    {
        Env = "PRODUCTION_URL",
        RefuseCredentials = true,
    };

    /// <summary>The ephemeral-env descriptor that supplies the preview URL.</summary>
    public static readonly PathInput EphemeralEnvFile = new("ephemeral-env-file", "Ephemeral-env descriptor whose baseUrl is the preview URL fallback (written by ephemeral-env).")
    {
        Default = ".ephemeral-env.json",
    };

    /// <summary>Where records go.</summary>
    public static readonly PathInput OutputDir = new("output-dir", "Folder the record is written to (the brief's deploy-metadata/).")
    {
        Default = "deploy-metadata",
        Folder = true,
    };

    /// <summary>Output: the record's path.</summary>
    public static readonly OutputDefinition PathOutput = new("path", "Path of the record, relative to the workspace.");

    /// <summary>Output: the SHA.</summary>
    public static readonly OutputDefinition ShaOutput = new("sha", "The commit SHA recorded.");

    /// <summary>Output: when it was recorded.</summary>
    public static readonly OutputDefinition CreatedAtOutput = new("created-at", "The record's createdAt (the first run's time when the deploy was already recorded).");

    /// <summary>Output: whether this run wrote it.</summary>
    public static readonly OutputDefinition CreatedOutput = new("created", "true when this run wrote the record; false when the same deploy was already recorded or the run failed.") { OnError = "false" };

    /// <summary>Output: the GitHub deployment.</summary>
    public static readonly OutputDefinition DeploymentIdOutput = new("deployment-id", "The GitHub deployment id of the record (or of the rollback target); empty when none.");

    /// <summary>Output: what a rollback did.</summary>
    public static readonly OutputDefinition RollbackOutput = new("rollback", "Rollback mode: promoted, instructions (steps printed, nothing changed), none (no earlier good deployment) or error (the run failed).") { OnError = "error" };

    /// <summary>Output: the rollback target.</summary>
    public static readonly OutputDefinition RollbackShaOutput = new("rollback-sha", "Rollback mode: the SHA rolled back to.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "deploy-metadata",
        BriefSection = "§5",
        Description = "Record each deploy immutably (deploy-{sha}.json and a GitHub Deployment) and roll back by promoting the last good one.",
        Icon = "tag",
        Color = "blue",
        Permissions = ["`deployments: write` — records the deploy as a GitHub Deployment and reads the history (without it: file-only, with a warning)", "`pull-requests: write` — only with pr-comment: true"],
        SwitchOff = "record-deployment: false keeps the file-only record; remove the step to record nothing",
        Inputs = [Mode, Sha, PreviewUrl, ProductionUrl, EphemeralEnvFile, OutputDir, Environment, GitHubToken, RecordDeployment, ToSha, VercelToken, VercelProjectId, VercelTeamId, VercelApiUrl, CommonInputs.PrComment],
        Outputs = [PathOutput, ShaOutput, CreatedAtOutput, CreatedOutput, DeploymentIdOutput, RollbackOutput, RollbackShaOutput],
    };
}
