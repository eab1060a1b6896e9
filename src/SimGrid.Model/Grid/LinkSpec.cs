namespace SimGrid.Model.Grid;

/// <summary>A tie-line corridor between two neighbouring regions; damage to transmission substations at either end lowers it.</summary>
public sealed record LinkSpec(string From, string To, double CapacityMw);
