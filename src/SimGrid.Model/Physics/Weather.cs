using SimGrid.Model.Scenario;

namespace SimGrid.Model.Physics;

/// <summary>
/// Hourly temperature from daily minimum and maximum: a cosine from the minimum at 05:00 to the maximum at 14:00 and
/// back [E: the usual winter diurnal cycle of a continental climate, coldest just before sunrise, warmest early
/// afternoon; a scenario that needs the real curve gives a temperature series instead].
/// </summary>
public static class Weather
{
    private const double MinHour = 5;
    private const double MaxHour = 14;

    /// <param name="day">Day index from the scenario's first local day; the last given day repeats.</param>
    /// <param name="hourOfDay">Local time in hours, 0-24.</param>
    public static double TemperatureC(ReadOnlySpan<DailyTemperature> days, int day, double hourOfDay)
    {
        var today = days[Math.Clamp(day, 0, days.Length - 1)];
        if (hourOfDay >= MinHour && hourOfDay < MaxHour)
        {
            return Between(today.NightMinC, today.DayMaxC, CosineAt(hourOfDay));
        }
        // Evening and night fall toward the next (or, before 05:00, today's) minimum.
        var before = hourOfDay < MinHour;
        var from = before ? days[Math.Clamp(day - 1, 0, days.Length - 1)].DayMaxC : today.DayMaxC;
        var to = before ? today.NightMinC : days[Math.Clamp(day + 1, 0, days.Length - 1)].NightMinC;
        return Between(from, to, CosineAt(hourOfDay));
    }

    private static double Between(double a, double b, double cosine) => a + ((b - a) * (1 - cosine) / 2);

    /// <summary>The cosine of the curve at a time of day: from a table on the quarter hours (every region computes the same ones each tick), else worked out.</summary>
    private static double CosineAt(double hourOfDay)
    {
        var quarters = hourOfDay * 4;
        return quarters >= 0 && quarters < QuarterHourCosines.Length && quarters == Math.Floor(quarters)
            ? QuarterHourCosines[(int)quarters]
            : Cosine(hourOfDay);
    }

    private static readonly double[] QuarterHourCosines = [.. Enumerable.Range(0, 96).Select(q => Cosine(q / 4.0))];

    /// <summary>cos(pi x), x the share of the way from the last extreme (minimum at 05:00, maximum at 14:00) to the next.</summary>
    private static double Cosine(double hourOfDay)
    {
        if (hourOfDay >= MinHour && hourOfDay < MaxHour) return Math.Cos(Math.PI * ((hourOfDay - MinHour) / (MaxHour - MinHour)));
        var sinceMax = hourOfDay < MinHour ? hourOfDay + 24 - MaxHour : hourOfDay - MaxHour;
        return Math.Cos(Math.PI * (sinceMax / (24 - MaxHour + MinHour)));
    }
}
