namespace Bookiji.Actions.Core.Toolkit;

public sealed partial class ActionCore
{
    /// <summary>Sets a step output: via <c>GITHUB_OUTPUT</c> when present, else the legacy <c>set-output</c> command.</summary>
    public void SetOutput(string name, object? value)
    {
        var text = CommandValue.From(value);
        if (Environment.GetNonEmpty("GITHUB_OUTPUT") is not null)
        {
            FileCommand.Issue(Environment, "OUTPUT", FileCommand.PrepareKeyValueMessage(name, text, _newGuid()));
            return;
        }

        WriteRaw("\n");
        IssueCommand("set-output", [new("name", name)], text);
    }

    /// <summary>Sets a declared output; a secret output's value is masked first.</summary>
    public void SetOutput(Definition.OutputDefinition output, object? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Secret && CommandValue.From(value) is { Length: > 0 } secret)
        {
            SetSecret(secret);
        }

        SetOutput(output.Name, value);
    }

    /// <summary>Exports a variable to later steps (<c>GITHUB_ENV</c>) and to this run's environment.</summary>
    public void ExportVariable(string name, object? value)
    {
        var text = CommandValue.From(value);
        Environment.Set(name, text);
        if (Environment.GetNonEmpty("GITHUB_ENV") is not null)
        {
            FileCommand.Issue(Environment, "ENV", FileCommand.PrepareKeyValueMessage(name, text, _newGuid()));
            return;
        }

        IssueCommand("set-env", [new("name", name)], text);
    }

    /// <summary>Prepends a directory to <c>PATH</c> for later steps and for this run.</summary>
    public void AddPath(string path)
    {
        if (Environment.GetNonEmpty("GITHUB_PATH") is not null)
        {
            FileCommand.Issue(Environment, "PATH", path);
        }
        else
        {
            IssueCommand("add-path", [], path);
        }

        Environment.Set("PATH", path + Path.PathSeparator + Environment["PATH"]);
    }

    /// <summary>Saves state for the action's post step (<c>GITHUB_STATE</c>), read back as <c>STATE_name</c>.</summary>
    public void SaveState(string name, object? value)
    {
        var text = CommandValue.From(value);
        if (Environment.GetNonEmpty("GITHUB_STATE") is not null)
        {
            FileCommand.Issue(Environment, "STATE", FileCommand.PrepareKeyValueMessage(name, text, _newGuid()));
            return;
        }

        IssueCommand("save-state", [new("name", name)], text);
    }

    /// <summary>Reads state saved by the main step: <c>STATE_name</c>, or empty.</summary>
    public string GetState(string name) => Environment[$"STATE_{name}"] ?? string.Empty;

    /// <summary>
    /// Registers a secret so the runner (and this process) masks it in the log: <c>::add-mask::</c>. A value shorter
    /// than <see cref="SecretMasker.MinimumLength"/> is not registered at all (see there why).
    /// </summary>
    public void SetSecret(string secret)
    {
        // The runner masks a value of any length: sending it "p" would turn every p of the job's log into ***.
        if (!SecretMasker.IsMaskable(secret))
        {
            return;
        }

        // Register first, so nothing printed from here on can show it; the add-mask line itself goes out raw.
        Masker.Add(secret);
        IssueCommand("add-mask", [], secret);
    }

    /// <summary>
    /// Registers a URL's credentials (<see cref="Uri.UserInfo"/>, as written and unescaped): the whole
    /// <c>user:password</c> as one secret at any length, and the password on its own only when it is long enough
    /// to mask (<see cref="SecretMasker.MinimumLength"/>).
    /// </summary>
    public void SetUserInfoSecret(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return;
        }

        foreach (var spelling in new[] { userInfo, Uri.UnescapeDataString(userInfo) }.Distinct(StringComparer.Ordinal))
        {
            if (SecretMasker.HasPassword(spelling) || SecretMasker.IsMaskable(spelling))
            {
                Masker.AddUserInfo(spelling);
                IssueCommand("add-mask", [], spelling);
            }
        }

        if (userInfo.Split(':', 2) is [_, { Length: > 0 } password])
        {
            SetSecret(password);
            SetSecret(Uri.UnescapeDataString(password));
        }
    }
}
