namespace Bookiji.Actions.TrafficShadow.Judge;

/// <summary>How response differences weigh in the verdict.</summary>
public enum DiffVerdict
{
    /// <summary>Differences above <c>max-diff-rate</c> make the verdict at least hold.</summary>
    Hold,

    /// <summary>Differences are reported only (the behaviour before differences counted).</summary>
    Ignore,
}
