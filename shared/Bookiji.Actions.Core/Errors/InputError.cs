namespace Bookiji.Actions.Core.Errors;

/// <summary>One problem with one input: its name as in <c>action.yml</c> and a message saying what it accepts.</summary>
/// <param name="Input">The input's name, e.g. <c>canary-url</c>.</param>
/// <param name="Message">What is wrong and what the input accepts.</param>
public sealed record InputError(string Input, string Message);
