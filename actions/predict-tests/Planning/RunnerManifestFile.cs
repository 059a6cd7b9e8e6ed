using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// The top-level keys of a <c>package.json</c> that configure how tests run or compile, as a <c>jest.config.*</c>,
/// <c>.babelrc</c> or <c>.mocharc</c> would (a <c>jest</c> devDependency is not one: it is nested).
/// </summary>
/// <param name="Jest">The <c>jest</c> config.</param>
/// <param name="Babel">The <c>babel</c> config.</param>
/// <param name="Mocha">The <c>mocha</c> config.</param>
/// <param name="Ava">The <c>ava</c> config.</param>
public sealed record RunnerManifestFile(JsonElement? Jest, JsonElement? Babel, JsonElement? Mocha, JsonElement? Ava)
{
    /// <summary>Whether any of the keys is present.</summary>
    public bool ConfiguresRunner => Jest is not null || Babel is not null || Mocha is not null || Ava is not null;
}
