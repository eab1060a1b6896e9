namespace SimGrid.Model.Scenario;

/// <summary>One day's temperature range; the hourly curve runs from the minimum at 05:00 to the maximum at 14:00 local time.</summary>
public readonly record struct DailyTemperature(double NightMinC, double DayMaxC);
