namespace SimGrid.Model.Statistics;

/// <summary>What a study reports of one metric over its replications: mean with a 95% confidence interval, and quantiles.</summary>
public sealed record Estimate(int N, double Mean, double Ci95Low, double Ci95High, double P10, double P50, double P90);
