using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios.Yaml;

/// <summary>Parsing of scalar values with a located error for each malformed one.</summary>
public static partial class Scalars
{
    public static double? Number(YamlNode node, string path, double min, double max, Diagnostics d)
    {
        if (node is not YamlScalarNode { Value: { } s } ||
            !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            d.Error(node, path, "must be a number");
            return null;
        }
        if (v < min || v > max)
        {
            d.Error(node, path, $"must be between {MappingReader.Format(min)} and {MappingReader.Format(max)} (got {s})");
            return null;
        }
        return v;
    }

    public static int? WholeNumber(YamlNode node, string path, long min, long max, Diagnostics d)
    {
        if (node is not YamlScalarNode { Value: { } s } ||
            !long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            d.Error(node, path, "must be a whole number");
            return null;
        }
        if (v < min || v > max)
        {
            d.Error(node, path, $"must be between {min} and {max} (got {s})");
            return null;
        }
        return (int)v;
    }

    /// <summary>Durations like 15m, 6h, 7d or 1d12h.</summary>
    public static TimeSpan? Duration(YamlNode node, string path, Diagnostics d)
    {
        if (node is YamlScalarNode { Value: { } s } && DurationPattern().Match(s) is { Success: true } m)
        {
            var total = TimeSpan.Zero;
            foreach (Capture c in m.Groups["part"].Captures)
            {
                var amount = long.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
                // Every part counts or the whole is refused: 7d200000m is not 7 days.
                if (amount > 100_000)
                {
                    total = TimeSpan.Zero;
                    break;
                }
                total += c.Value[^1] switch
                {
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromSeconds(amount),
                };
            }
            if (total > TimeSpan.Zero && total <= TimeSpan.FromDays(3660)) return total;
        }
        d.Error(node, path, "must be a positive duration such as 15m, 6h, 7d or 1d12h (at most 3660d)");
        return null;
    }

    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>ISO 8601 timestamps with an explicit UTC offset: 2026-02-03T01:00:00+02:00 or ...Z, years 1900-2200.</summary>
    public static DateTimeOffset? Timestamp(YamlNode node, string path, Diagnostics d)
    {
        if (node is YamlScalarNode { Value: { } s } && TimestampPattern().IsMatch(s) &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v))
        {
            // A run of up to 3660 days from any accepted start stays far inside what dates can hold.
            if (v.Year is >= MinYear and <= MaxYear) return v;
            d.Error(node, path, $"must lie between the years {MinYear} and {MaxYear}");
            return null;
        }
        d.Error(node, path, "must be a timestamp with a UTC offset, such as 2026-02-03T01:00:00+02:00");
        return null;
    }

    [GeneratedRegex(@"^(?<part>\d{1,9}[smhd])+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();
}
