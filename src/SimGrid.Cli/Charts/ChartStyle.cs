using ScottPlot;

namespace SimGrid.Cli.Charts;

/// <summary>One look for every chart SimGrid writes, and both formats: PNG to look at, SVG to put in a report.</summary>
public static class ChartStyle
{
    public const int Width = 1200;
    public const int Height = 650;

    /// <summary>Colour-blind-safe categorical palette (Okabe-Ito).</summary>
    public static readonly Color[] Palette =
    [
        new(0, 114, 178), new(213, 94, 0), new(0, 158, 115), new(204, 121, 167),
        new(230, 159, 0), new(86, 180, 233), new(240, 228, 66), new(0, 0, 0),
    ];

    public static Color Colour(int i) => Palette[i % Palette.Length];

    /// <summary>Writes name.png and name.svg into the folder's pending files.</summary>
    public static void Save(Plot plot, Output.OutputFolder folder, string name)
    {
        var png = folder.Create(name + ".png");
        png.Dispose();
        plot.SavePng(folder.PartialPath(name + ".png"), Width, Height);
        var svg = folder.Create(name + ".svg");
        svg.Dispose();
        plot.SaveSvg(folder.PartialPath(name + ".svg"), Width, Height);
    }
}
