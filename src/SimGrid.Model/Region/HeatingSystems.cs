namespace SimGrid.Model.Region;

/// <summary>
/// Building heating systems on a district network. When heat stops for long in frost, the systems are drained so pipes
/// do not burst (Kharkiv and Kyiv drained within hours at -20 C, A5, A8; a 5-storey block after ~36 h at -10 C, S66);
/// a drained system stays cold for a refill time after its own heat source returns. Buildings whose heat comes back at
/// different times (repairs, backups taking over a few at a time) are refilled in that order, each after its own refill
/// time: they are kept as cohorts by the hour their heat returned, not refilled all at once.
/// </summary>
public sealed class HeatingSystems
{
    /// <summary>Hours to refill and restart drained buildings once heat is available again [E]: Kyiv still had ~1,126 buildings unheated two days after 3 Feb (S32).</summary>
    public const double RefillHours = 48;

    private double unheatedHours, drained, clock;
    // Drained buildings whose heat is back, oldest first: (hour their refill is done, people).
    private Queue<(double ReadyAt, double People)> refilling = new();
    private double refillingPeople;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public HeatingSystems Fork()
    {
        var copy = (HeatingSystems)MemberwiseClone();
        copy.refilling = new Queue<(double ReadyAt, double People)>(refilling);
        return copy;
    }

    /// <summary>Hours without heat after which systems are drained, by outdoor temperature [E]; never above 0 C.</summary>
    public static double DrainAfterHours(double outdoorC) => outdoorC switch
    {
        <= -15 => 6,
        <= -5 => 36,
        < 0 => 48,
        _ => double.PositiveInfinity,
    };

    /// <summary>People whose homes have no heat: those whose source is off, plus drained homes still refilling.</summary>
    public double Update(double sourceUnheated, double outdoorC, double hours)
    {
        clock += hours;
        unheatedHours = sourceUnheated > 0 ? unheatedHours + hours : 0;
        if (sourceUnheated > 0 && unheatedHours >= DrainAfterHours(outdoorC)) drained = Math.Max(drained, sourceUnheated);
        if (drained > sourceUnheated)
        {
            // Heat is back at the source for some drained buildings: their refill runs from the start of this step.
            refilling.Enqueue((clock - hours + RefillHours, drained - sourceUnheated));
            refillingPeople += drained - sourceUnheated;
            drained = Math.Max(0, sourceUnheated);
        }
        while (refilling.TryPeek(out var oldest) && oldest.ReadyAt <= clock + 1e-9) refillingPeople -= refilling.Dequeue().People;
        if (refilling.Count == 0) refillingPeople = 0;
        return Math.Max(0, sourceUnheated) + refillingPeople;
    }

    /// <summary>Drained homes: those still without heat at the source and those refilling.</summary>
    public double Drained => drained + refillingPeople;
}
