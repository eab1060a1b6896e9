namespace SimGrid.Model.Grid;

/// <summary>Housing stock classes that cool at different rates once district heat stops (reference section 6).</summary>
public enum BuildingClass
{
    Panel16,
    Panel9,
    Khrushchovka,
    Brick,
    StalinBrick,
}

/// <param name="Share">Share (0-1) of the region's district-heated people living in this class.</param>
public sealed record BuildingShare(BuildingClass Class, double Share);

public static class BuildingClasses
{
    public static string ToId(this BuildingClass c) => c switch
    {
        BuildingClass.Panel16 => "panel_16",
        BuildingClass.Panel9 => "panel_9",
        BuildingClass.StalinBrick => "stalin_brick",
        _ => c.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string id, out BuildingClass value)
    {
        foreach (var c in Enum.GetValues<BuildingClass>())
        {
            if (c.ToId() == id)
            {
                value = c;
                return true;
            }
        }
        value = default;
        return false;
    }
}
