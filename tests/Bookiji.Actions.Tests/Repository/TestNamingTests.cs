using System.Reflection;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>
/// Every test is named Subject_Condition_Outcome: at least three parts joined by underscores, each starting with an
/// upper-case letter (e.g. Plan_DocsOnlyChange_IsLowRiskOneShard), so a failing test's name says what broke, when,
/// and what should have happened.
/// </summary>
[TestFixture]
public sealed class TestNamingTests
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static bool FollowsTheRule(string name)
    {
        var parts = name.Split('_');
        return parts.Length >= 3 && parts.All(p => p.Length > 0 && char.IsUpper(p[0]));
    }

    [Test]
    public void TestMethods_EveryOne_IsNamedSubjectConditionOutcome()
    {
        var tests = typeof(TestNamingTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(AllMethods))
            .Where(m => m.IsDefined(typeof(TestAttribute), false) || m.IsDefined(typeof(TestCaseAttribute), false) || m.IsDefined(typeof(TestCaseSourceAttribute), false))
            .ToList();
        var violations = tests.Where(m => !FollowsTheRule(m.Name)).Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .Concat(tests.SelectMany(m => m.GetCustomAttributes<TestCaseAttribute>(false).Select(c => (Method: m, c.TestName)))
                .Where(c => c.TestName is not null && !FollowsTheRule(c.TestName))
                .Select(c => $"{c.Method.DeclaringType!.FullName}.{c.Method.Name}: TestName \"{c.TestName}\""))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tests, Has.Count.GreaterThan(100), "the reflection must find the suite's tests");
            Assert.That(violations, Is.Empty, $"{violations.Count} test name(s) do not read Subject_Condition_Outcome (at least three parts, each starting upper-case):\n  " + string.Join("\n  ", violations));
        });
    }
}
