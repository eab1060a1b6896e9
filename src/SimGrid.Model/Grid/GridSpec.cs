namespace SimGrid.Model.Grid;

/// <summary>The whole power system a scenario plays on. Regions are sorted by id; everything that combines regions uses that order.</summary>
/// <param name="ImportLimitMw">National limit on imports from the EU (all interconnectors together).</param>
/// <param name="LoadShape">24 hourly demand factors (local time), mean 1.</param>
/// <param name="ColdThresholdC">Outdoor temperature below which demand rises with cold.</param>
/// <param name="HeatLossDemandFactor">Extra demand, as a share of their own, of people who lost district heat (electric heaters).</param>
/// <param name="SpareTransformers">National stock of spare large transformers for substations destroyed outright.</param>
/// <param name="TransformerLeadTimeHours">Wait for a new large transformer when no spare is left.</param>
/// <param name="CapacityFactors">Share of an undamaged plant's capacity delivered, by generation class (solar: midday peak).</param>
public sealed record GridSpec(
    string Name,
    IReadOnlyList<RegionSpec> Regions,
    IReadOnlyList<LinkSpec> Links,
    IReadOnlyList<WeaponSpec> Weapons,
    double ImportLimitMw,
    IReadOnlyList<double> LoadShape,
    double ColdThresholdC,
    double HeatLossDemandFactor,
    int SpareTransformers = 0,
    double TransformerLeadTimeHours = 4380,
    IReadOnlyList<double>? CapacityFactors = null)
{
    /// <summary>Capacity factor by generation class (<see cref="AssetClass"/> order); the model's defaults where the file gives none.</summary>
    public IReadOnlyList<double> GenerationFactors => CapacityFactors ?? AssetClasses.DefaultCapacityFactors;

    // Built on first use for the region list it was built from (a `with` copy that swaps the list rebuilds it): large
    // synthetic grids look regions up by id many times. Fields, so JSON leaves them out.
    private IReadOnlyList<RegionSpec>? indexedRegions;
    private Dictionary<string, int>? regionIndex;

    public int RegionIndex(string id)
    {
        if (regionIndex is null || !ReferenceEquals(indexedRegions, Regions))
        {
            regionIndex = Regions.Select((r, i) => (r.Id, i)).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            indexedRegions = Regions;
        }
        return regionIndex.TryGetValue(id, out var i) ? i : -1;
    }

    public WeaponSpec? Weapon(string id) => Weapons.FirstOrDefault(w => w.Id == id);
}
