namespace SimGrid.Model.Region;

/// <summary>
/// Building heating systems on a district network. When heat stops for long in frost, the systems are drained so pipes
/// do not burst (Kharkiv and Kyiv drained within hours at -20 C, A5, A8; a 5-storey block after ~36 h at -10 C, S66);
/// a drained system stays cold for a refill time after its heat source returns.
/// </summary>
public sealed class HeatingSystems
{
    /// <summary>Hours to refill and restart drained buildings once heat is available again [E]: Kyiv still had ~1,126 buildings unheated two days after 3 Feb (S32).</summary>
    public const double RefillHours = 48;

    private double unheatedHours, drained, refillLeft;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public HeatingSystems Fork() => (HeatingSystems)MemberwiseClone();

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
        unheatedHours = sourceUnheated > 0 ? unheatedHours + hours : 0;
        if (sourceUnheated > 0 && unheatedHours >= DrainAfterHours(outdoorC)) drained = Math.Max(drained, sourceUnheated);

        if (drained > sourceUnheated)
        {
            if (refillLeft <= 0) refillLeft = RefillHours;
            refillLeft -= hours;
            if (refillLeft <= 0) drained = sourceUnheated > 0 && unheatedHours >= DrainAfterHours(outdoorC) ? sourceUnheated : 0;
        }
        else
        {
            refillLeft = 0;
        }
        return Math.Max(sourceUnheated, drained);
    }

    public double Drained => drained;
}
