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
    public static double TemperatureC(IReadOnlyList<DailyTemperature> days, int day, double hourOfDay)
    {
        var today = days[Math.Clamp(day, 0, days.Count - 1)];
        if (hourOfDay >= MinHour && hourOfDay < MaxHour)
        {
            return Between(today.NightMinC, today.DayMaxC, (hourOfDay - MinHour) / (MaxHour - MinHour));
        }
        // Evening and night fall toward the next (or, before 05:00, today's) minimum.
        var before = hourOfDay < MinHour;
        var from = before ? days[Math.Clamp(day - 1, 0, days.Count - 1)].DayMaxC : today.DayMaxC;
        var to = before ? today.NightMinC : days[Math.Clamp(day + 1, 0, days.Count - 1)].NightMinC;
        var sinceMax = before ? hourOfDay + 24 - MaxHour : hourOfDay - MaxHour;
        return Between(from, to, sinceMax / (24 - MaxHour + MinHour));
    }

    private static double Between(double a, double b, double x) => a + ((b - a) * (1 - Math.Cos(Math.PI * x)) / 2);
}
