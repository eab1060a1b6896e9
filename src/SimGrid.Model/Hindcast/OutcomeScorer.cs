namespace SimGrid.Model.Hindcast;

/// <summary>The tolerance of each kind of outcome (docs/hindcast.md), written once.</summary>
public static class OutcomeScorer
{
    public const double Factor = 2;
    public const double ShareTolerance = 0.2;

    public static bool IsHit(OutcomeKind kind, double predicted, double reported)
    {
        if (double.IsNaN(predicted)) return false;
        return kind switch
        {
            OutcomeKind.Approx => reported <= 0
                ? predicted <= 0
                : predicted >= reported / Factor && predicted <= reported * Factor,
            OutcomeKind.AtLeast => predicted >= reported / Factor,
            OutcomeKind.Share => Math.Abs(predicted - reported) <= ShareTolerance,
            OutcomeKind.Flag => predicted >= 1 == reported >= 1,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    public static ScoredOutcome Score(ReportedOutcome outcome, double predicted) =>
        new(outcome, predicted, IsHit(outcome.Kind, predicted, outcome.Value));
}
