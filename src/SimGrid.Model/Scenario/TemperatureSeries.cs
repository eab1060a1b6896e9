namespace SimGrid.Model.Scenario;

/// <summary>Observed or forecast temperatures at given times (a weather series file); linear between points, flat beyond the ends.</summary>
public sealed record TemperatureSeries(IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<double> TemperaturesC)
{
    public double At(DateTimeOffset time)
    {
        var n = Times.Count;
        if (time <= Times[0]) return TemperaturesC[0];
        if (time >= Times[n - 1]) return TemperaturesC[n - 1];
        int lo = 0, hi = n - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (Times[mid] <= time) lo = mid;
            else hi = mid;
        }
        var x = (double)(time - Times[lo]).Ticks / (Times[hi] - Times[lo]).Ticks;
        return TemperaturesC[lo] + ((TemperaturesC[hi] - TemperaturesC[lo]) * x);
    }
}
