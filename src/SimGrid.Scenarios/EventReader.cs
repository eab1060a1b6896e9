using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>Reads timed events: crews arriving, spare transformers delivered, the import limit changed, an asset back in service.</summary>
internal static class EventReader
{
    private static readonly Dictionary<string, EventKind> Kinds = new(StringComparer.Ordinal)
    {
        ["crews_arrive"] = EventKind.CrewsArrive,
        ["spares_delivered"] = EventKind.SparesDelivered,
        ["import_limit"] = EventKind.ImportLimit,
        ["asset_returns"] = EventKind.AssetReturns,
    };

    public static IReadOnlyList<ScenarioEvent> ReadAll(MappingReader root, ScenarioContext context) =>
        [.. GridLoader.ReadList(root, "events", e => Read(e, context), required: false).Select(e => e.Value).OfType<ScenarioEvent>()];

    private static ScenarioEvent? Read(MappingReader e, ScenarioContext context)
    {
        var at = e.Timestamp("at");
        if (at is { } t && context.Start is { } start && context.Duration is { } length && (t < start || t >= start + length))
        {
            e.Diagnostics.Error(e.Get("at", false)!, e.Child("at"), "must lie inside the scenario window");
        }
        var type = e.Text("type");
        if (type is null) return null;
        if (!Kinds.TryGetValue(type, out var kind))
        {
            e.Diagnostics.Error(e.Get("type", false)!, e.Child("type"), $"unknown event type '{type}'" + Suggest.DidYouMean(type, Kinds.Keys));
            // The other fields cannot be judged without a type: one problem is enough.
            foreach (var field in new[] { "region", "crews", "count", "mw", "asset" }) e.Get(field, required: false);
            return null;
        }
        string? region = null, asset = null;
        double value = 0;
        switch (kind)
        {
            case EventKind.CrewsArrive:
                region = e.Text("region");
                if (region is not null && !context.KnowsRegion(region))
                    e.Diagnostics.Error(e.Get("region", false)!, e.Child("region"), $"unknown region '{region}'" + Suggest.DidYouMean(region, context.RegionIds));
                value = e.WholeNumber("crews", InputLimits.CrewsArriving) ?? 0;
                break;
            case EventKind.SparesDelivered:
                value = e.WholeNumber("count", InputLimits.SparesDelivered) ?? 0;
                break;
            case EventKind.ImportLimit:
                value = e.Number("mw", InputLimits.ImportLimitMw) ?? 0;
                break;
            case EventKind.AssetReturns:
            default:
                asset = e.Text("asset");
                if (asset is not null && !context.KnowsAsset(asset))
                    e.Diagnostics.Error(e.Get("asset", false)!, e.Child("asset"), $"unknown asset '{asset}'" + Suggest.DidYouMean(asset, context.AssetIds));
                break;
        }
        return new ScenarioEvent(at ?? default, kind, region, asset, value);
    }
}
