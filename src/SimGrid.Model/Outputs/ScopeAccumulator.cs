using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Outputs;

/// <summary>Folds a scope's ticks (one region's records, or their national sums) into a <see cref="ScopeSummary"/>.</summary>
public sealed class ScopeAccumulator
{
    /// <summary>Hours a rolling-outage block stays off before it rotates: one interruption per block per rotation [E].</summary>
    public const double RotationHours = 4;

    private const double CriticalOutageHours = 48;

    private readonly string id;
    private readonly long population, customers;
    private readonly double tickHours;
    private double[] damageOff;
    private double[] criticalOff;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public ScopeAccumulator Fork()
    {
        var copy = (ScopeAccumulator)MemberwiseClone();
        copy.damageOff = (double[])damageOff.Clone();
        copy.criticalOff = (double[])criticalOff.Clone();
        return copy;
    }
    private int ticks;
    private double peakPeople, peakPeopleDamage, peakCustomers, peakDamage, customerHours, rollingCustomerHours, ens;
    private double damageInterruptions, lastDamageOff, peakHeat, below16Hours;
    private long launched, intercepted, hit, assetsHit;
    private double dayCustomerHours, worstDayCustomerHours;
    private int ticksInDay;

    public ScopeAccumulator(string id, long population, long customers, double tickHours, int tickCount)
    {
        this.id = id;
        this.population = population;
        this.customers = customers;
        this.tickHours = tickHours;
        damageOff = new double[tickCount];
        criticalOff = new double[tickCount];
    }

    public void Add(in RegionTickRecord r)
    {
        peakPeople = Math.Max(peakPeople, r.PeopleOff);
        peakPeopleDamage = Math.Max(peakPeopleDamage, r.PeopleOffDamage);
        peakCustomers = Math.Max(peakCustomers, r.CustomersOff);
        peakDamage = Math.Max(peakDamage, r.CustomersOffDamage);
        customerHours += r.CustomersOff * tickHours;
        rollingCustomerHours += r.CustomersOffRolling * tickHours;
        ens += Math.Max(0, r.DemandMw - r.ServedMw) * tickHours;
        damageInterruptions += Math.Max(0, r.CustomersOffDamage - lastDamageOff);
        lastDamageOff = r.CustomersOffDamage;
        peakHeat = Math.Max(peakHeat, r.PeopleWithoutHeat);
        below16Hours += r.PeopleBelow16C * tickHours;
        launched += r.WeaponsLaunched;
        intercepted += r.WeaponsIntercepted;
        hit += r.WeaponsHit;
        assetsHit = Math.Max(assetsHit, r.AssetsHit);
        dayCustomerHours += r.CustomersOff * tickHours;
        if (++ticksInDay * tickHours >= 24 - 1e-9)
        {
            worstDayCustomerHours = Math.Max(worstDayCustomerHours, dayCustomerHours);
            dayCustomerHours = 0;
            ticksInDay = 0;
        }
        damageOff[ticks] = r.CustomersOffDamage;
        criticalOff[ticks] = r.CriticalSitesOff;
        ticks++;
    }

    public ScopeSummary Build(int lastWaveEndTick)
    {
        var n = Math.Max(1, customers);
        var interruptions = damageInterruptions + (rollingCustomerHours / RotationHours);
        var saifi = interruptions / n;
        var saidi = customerHours * 60 / n;
        var periodHours = ticks * tickHours;
        var asai = periodHours > 0 ? 1 - (customerHours / (n * periodHours)) : 1;
        var worstDay = periodHours >= 24 ? 24 - (worstDayCustomerHours / n) : 24 * asai;
        return new ScopeSummary(
            id, population, customers, peakPeople, peakPeopleDamage, peakCustomers / n, customerHours, ens,
            saifi, saidi, saifi > 0 ? saidi / saifi : 0, asai, 24 * asai, worstDay,
            peakHeat, below16Hours, CriticalOutOver48h(),
            HoursToRestore(0.50, peakDamage, lastWaveEndTick), HoursToRestore(0.90, peakDamage, lastWaveEndTick),
            HoursToRestore(0.99, peakDamage, lastWaveEndTick), launched, intercepted, hit, assetsHit);
    }

    /// <summary>Hours after the last wave until damage-caused outages fall to (1 - share) of their peak.</summary>
    private double? HoursToRestore(double share, double peak, int fromTick)
    {
        if (peak <= 0) return 0;
        var threshold = peak * (1 - share);
        for (var t = Math.Max(0, fromTick); t < ticks; t++)
        {
            if (damageOff[t] <= threshold) return (t - fromTick) * tickHours;
        }
        return null;
    }

    /// <summary>Most critical sites out for longer than 48 h at a stretch: the peak of the running 48-hour minimum.</summary>
    private double CriticalOutOver48h()
    {
        var window = (int)Math.Floor(CriticalOutageHours / tickHours) + 1;
        if (ticks < window) return 0;
        var best = 0.0;
        var deque = new int[ticks];
        int head = 0, tail = 0;
        for (var t = 0; t < ticks; t++)
        {
            while (tail > head && criticalOff[deque[tail - 1]] >= criticalOff[t]) tail--;
            deque[tail++] = t;
            if (deque[head] <= t - window) head++;
            if (t >= window - 1) best = Math.Max(best, criticalOff[deque[head]]);
        }
        return Math.Floor(best + 1e-9);
    }
}
