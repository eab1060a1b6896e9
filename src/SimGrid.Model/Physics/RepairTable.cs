using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>
/// Hours of one repair team's work to bring an asset back from each damage state: the median of a lognormal draw.
/// Wartime figures (ukraine-grid-2026.md section 5) where they exist, HAZUS means otherwise:
/// distribution reconnects in hours to 2 days; four 750 kV substations were back in 13 days; an autotransformer swap
/// takes 3 weeks; thermal units 6-24 months; Dnipro HPP 3 years or more.
/// </summary>
public static class RepairTable
{
    /// <summary>
    /// Spread of the lognormal (sigma of ln hours): a 90% range of about x0.4 to x2.3 around the median [E: the
    /// reported spans, e.g. distribution back in "hours to 1-2 days" and 750 kV stations in 13 days where three weeks
    /// is usual, span about that factor; HAZUS gives normal spreads of the same relative size].
    /// </summary>
    public const double Sigma = 0.5;

    private static readonly double[] Distribution = [0, 3, 8, 24, 48];
    private static readonly double[] Substation330 = [0, 12, 48, 168, 504];
    private static readonly double[] Substation750 = [0, 24, 72, 312, 504];
    private static readonly double[] ThermalPlant = [0, 48, 336, 1440, 4380];
    private static readonly double[] HydroPlant = [0, 72, 720, 4380, 26280];
    // Gas engines, solar and wind farms, heat-only boiler houses [E]: modular plant repaired or replaced in days to
    // weeks, between a substation and a thermal unit (HAZUS small generation plants restore faster than large ones).
    private static readonly double[] SmallPlant = [0, 12, 72, 336, 1440];

    // Emergency switching around a damaged transmission substation: switching orders from the dispatch centre, carried
    // out within hours, a destroyed substation's load within a working shift [E]: "most regions restored within hours"
    // (17 Nov 2024, C19), 360,000 of 600,000 homes back by the same afternoon (29 Nov 2025, C10), Kyiv's left bank back
    // to schedules in about a day (A9). What stays off for days is what no standing substation can take
    // (SubstationLoading), not slow switching: these were 2, 6, 12 and 24 h, which kept a seven-hour night's cuts into
    // the next day everywhere.
    private static readonly double[] Reconnection = [0, 1, 2, 4, 8];

    /// <summary>
    /// Share of its 330 kV substations' combined capacity a region's load uses in normal operation [E]: substations
    /// are built to N-1 (two autotransformers, either able to carry the station for hours), so each runs at about half
    /// its capacity, a little more with the short-time overload transformers allow. Switching can move the load of hit
    /// substations onto the others only up to that: a region keeps all its customers after losing 40% of its
    /// substation capacity, and loses a growing share beyond until temporary schemes or repairs bring it back
    /// (Region.TemporarySupply; Odesa, December 2025: 20 substations damaged, 288,200 households still off after three
    /// days and 62,300 after four, C9; Kyiv, 12 January 2026: ~800 buildings three days on, C5). Not set from the
    /// scores: 0.5 and 0.7 were tried and the hindcast scores within one outcome of 0.6.
    /// </summary>
    public const double SubstationLoading = 0.6;

    // Switching around damaged local-network circuits: feeders are reconfigured in an hour or two after light damage,
    // up to a working day after heavy damage [E] (distribution reconnection "hours to 1-2 days for most customers",
    // reference section 5; 360,000 of 600,000 homes back by the same afternoon, C10).
    private static readonly double[] DistributionReconnection = [0, 1, 2, 4, 8];

    // Share of a local network's lost circuits that no other feeder can carry once switching is done, until the
    // circuits are repaired [E]: light damage is switched around entirely; a heavily damaged network keeps part of its
    // customers off for days (Odesa, December 2025: 288,200 households still off after three days, 62,300 after four,
    // C9), a destroyed one half of them. A transmission substation's load is switched to other substations entirely
    // (its lost capacity shows in the tie-lines), as the 110 kV network behind it allows.
    private static readonly double[] Residual = [0, 0, 0, 0.25, 0.5];

    public static double MedianHours(AssetClass c, DamageState s) => Table(c)[(int)s];

    /// <summary>A lognormal draw of hours around a median, with the spread of <see cref="Sigma"/>.</summary>
    public static double DrawHours(Random rng, double medianHours) =>
        MathNet.Numerics.Distributions.LogNormal.Sample(rng, Math.Log(medianHours), Sigma);

    /// <summary>
    /// Most teams that can work one asset at once [E]: a local-network zone is many feeders (4 teams), a 330 kV
    /// substation 6, a 750 kV substation 8, a heat plant 4. The repair hours above are for that full complement.
    /// </summary>
    public static int MaxTeams(AssetClass c) => c switch
    {
        AssetClass.Distribution => 4,
        AssetClass.Substation330 => 6,
        AssetClass.Substation750 => 8,
        _ => 4,
    };

    /// <summary>Median hours of emergency switching before a damaged substation's or network's customers are fed another way; 0 for plants.</summary>
    public static double MedianReconnectionHours(AssetClass c, DamageState s) =>
        c.IsTransmission() ? Reconnection[(int)s] : c == AssetClass.Distribution ? DistributionReconnection[(int)s] : 0;

    /// <summary>Share of the capacity lost in state <paramref name="s"/> that stays lost after switching, until repair.</summary>
    public static double ResidualAfterSwitching(DamageState s) => Residual[(int)s];

    private static double[] Table(AssetClass c) => c switch
    {
        AssetClass.Distribution => Distribution,
        AssetClass.Substation330 => Substation330,
        AssetClass.Substation750 => Substation750,
        AssetClass.Nuclear or AssetClass.Thermal or AssetClass.Chp => ThermalPlant,
        AssetClass.Hydro => HydroPlant,
        _ => SmallPlant,
    };

    /// <summary>
    /// Work rate of a team in the cold, relative to mild weather: 1 / (1 + 0.05 per degree of frost), so 1 at 0 C and
    /// above, 0.67 at -10 C, 0.5 at -20 C (work takes 5% longer per degree). An estimate [E]: frost, icing and staged
    /// reconnection slow work (reference section 5), with the -20 C halving as its one anchor.
    /// </summary>
    public static double ColdEfficiency(double temperatureC) => 1 / (1 + (0.05 * Math.Max(0, -temperatureC)));
}
