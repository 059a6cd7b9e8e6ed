using Bookiji.Actions.EphemeralEnv.Database;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv.Database;

[TestFixture]
public sealed class SqlScriptTests
{
    [Test]
    public void Split_SemicolonsInStringsCommentsAndDollarBodies_AreIgnored()
    {
        const string sql = """
            CREATE TABLE a (t text DEFAULT 'x;y', "we;ird" int); -- trailing; comment
            /* block; /* nested; */ still */ INSERT INTO a VALUES ('it''s;', 1);
            CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
            SELECT E'esc\';aped';
            -- only a comment;
            """;
        var statements = SqlScript.Split(sql);
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(4));
            Assert.That(statements[0].Text, Does.StartWith("CREATE TABLE a"));
            Assert.That(statements[1].Text, Does.Contain("INSERT INTO a VALUES ('it''s;', 1)"));
            Assert.That(statements[2].Text, Does.Contain("RETURN 1; END; $body$ LANGUAGE plpgsql"));
            Assert.That(statements[3].Text.Trim(), Is.EqualTo("SELECT E'esc\\';aped'"));
            Assert.That(sql.Substring(statements[2].Offset, statements[2].Text.Length), Is.EqualTo(statements[2].Text));
        });
    }

    [Test]
    public void Split_PositionalParameters_AreNotDollarTags() =>
        Assert.That(SqlScript.Split("SELECT $1; SELECT 2;"), Has.Count.EqualTo(2));

    [TestCase("SELECT 1 WHERE 'x' LIKE'a\\'; SELECT 2;", 2)]
    [TestCase("SELECT CASE'a\\' WHEN 'b' THEN 1 END; SELECT 2;", 2)]
    [TestCase("SELECT E'a\\';b'; SELECT 2;", 2)]
    [TestCase("SELECT (E'a\\';b'); SELECT 2;", 2)]
    [TestCase("SELECT e'a\\';b'; SELECT 2;", 2)]
    public void Split_EBeforeAQuote_OpensAnEscapeStringOnlyWhenStandalone(string sql, int count) =>
        Assert.That(SqlScript.Split(sql), Has.Count.EqualTo(count));

    [Test]
    public void LineAt_OffsetInText_CountsTheNewlinesBeforeIt() => Assert.That(SqlScript.LineAt("a\nb\nc", 4), Is.EqualTo(3));
}
