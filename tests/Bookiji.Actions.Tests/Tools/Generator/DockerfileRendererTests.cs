using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Generator;

namespace Bookiji.Actions.Tests.Tools.Generator;

[TestFixture]
public sealed class DockerfileRendererTests
{
    private const string Template = "ARG SDK_IMAGE=sdk\nARG ACTION=\nARG GIT=without-git\nFROM ${GIT}\n";

    private static ActionDefinition Definition(string name, bool git) => new()
    {
        Name = name,
        NeedsGit = git,
        Description = "d",
        BriefSection = "§0",
        Inputs = [],
        Outputs = [],
    };

    [Test]
    public void Render_AnActionThatRunsGit_DefaultsToTheGitStage()
    {
        var text = DockerfileRenderer.Render(Template, Definition("predict-tests", git: true));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\nARG ACTION=predict-tests\n"));
            Assert.That(text, Does.Contain("\nARG GIT=with-git\n"));
            Assert.That(text, Does.EndWith("ARG SDK_IMAGE=sdk\nARG ACTION=predict-tests\nARG GIT=with-git\nFROM ${GIT}\n"));
        });
    }

    [Test]
    public void Render_AnActionWithoutGit_KeepsThePlainStage()
    {
        var text = DockerfileRenderer.Render(Template, Definition("watchdog", git: false));
        Assert.That(text, Does.Contain("\nARG ACTION=watchdog\nARG GIT=without-git\n"));
    }

    [TestCase("ARG GIT=without-git\nFROM x\n")]
    [TestCase("ARG ACTION=\nARG ACTION=\nARG GIT=without-git\n")]
    [TestCase("# ARG ACTION=\nARG GIT=without-git\n")]
    public void Render_ATemplateWithoutEachArgumentOnce_IsNull(string template) =>
        Assert.That(DockerfileRenderer.Render(template, Definition("watchdog", git: false)), Is.Null);

    [Test]
    public void FileName_OfAnAction_IsItsNameThenDockerfile() =>
        Assert.That(DockerfileRenderer.FileName(Definition("slo-export", git: false)), Is.EqualTo("slo-export.Dockerfile"));
}
