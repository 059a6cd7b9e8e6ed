using System.Reflection;
using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.Runner;
using Bookiji.Actions.TrafficShadow.Judge;
using PT = Bookiji.Actions.PredictTests.PredictTestsDefinition;
using TS = Bookiji.Actions.TrafficShadow.TrafficShadowDefinition;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>
/// Each input and default is declared once (Polly v8's rule, asserted): every input a Definition class declares is in
/// its action's input list, and the options records the cores run with start from the declared defaults.
/// </summary>
[Category("Integration")]
[TestFixture]
public sealed class DeclarationsTests
{
    public static IEnumerable<string> Actions() => ActionCatalog.Discover(RepositoryLayout.Root).Select(e => e.Action.Definition.Name);

    [TestCaseSource(nameof(Actions))]
    public void Definition_EveryDeclaredInputField_IsInTheActionsInputs(string name)
    {
        var action = ActionCatalog.Create(name);
        var declaring = action.GetType().Assembly.GetTypes().Single(t => t.Name.EndsWith("Definition", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed
            && t.GetField("Definition", BindingFlags.Public | BindingFlags.Static)?.FieldType == typeof(ActionDefinition));
        var declared = declaring.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(InputDefinition).IsAssignableFrom(f.FieldType)).Select(f => (InputDefinition)f.GetValue(null)!).ToList();
        var inputs = action.Definition.AllInputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(declared, Is.Not.Empty);
            Assert.That(declared.Select(d => d.Name).Where(n => !inputs.Contains(n)), Is.Empty, $"{declaring.Name} declares inputs its action does not list");
        });
    }

    [Test]
    public void PlanRules_Defaults_AreTheDeclaredDefaults()
    {
        var rules = PlanRules.Defaults();
        Assert.Multiple(() =>
        {
            Assert.That(rules.MaxShards, Is.EqualTo(PT.MaxShards.Default));
            Assert.That(rules.HighRiskRunsAll, Is.EqualTo(PT.HighRiskRunAll.Default));
            Assert.That(rules.TargetRecall, Is.EqualTo(PT.TargetRecall.Default));
            Assert.That(rules.HistoryCommits, Is.EqualTo(PT.HistoryCommits.Default));
            Assert.That(rules.TraceReExports, Is.EqualTo(PT.TraceReExports.Default));
            Assert.That(rules.TestMapPath, Is.EqualTo(PT.TestMap.Default));
        });
    }

    [Test]
    public void JudgeOptions_Defaults_AreTheDeclaredDefaults()
    {
        var judge = new JudgeOptions();
        Assert.Multiple(() =>
        {
            Assert.That(judge.Confidence, Is.EqualTo(TS.Confidence.Default));
            Assert.That(judge.MinSamples, Is.EqualTo(TS.MinSamples.Default));
            Assert.That(judge.PassScore, Is.EqualTo(TS.PassScore.Default));
            Assert.That(judge.MarginalScore, Is.EqualTo(TS.MarginalScore.Default));
            Assert.That(judge.MaxErrorRatePct, Is.EqualTo(TS.MaxErrorRate.Default));
            Assert.That(judge.MaxDiffRatePct, Is.EqualTo(TS.MaxDiffRate.Default));
            Assert.That(judge.DiffVerdict, Is.EqualTo(TS.DiffVerdictInput.Default));
        });
    }
}
