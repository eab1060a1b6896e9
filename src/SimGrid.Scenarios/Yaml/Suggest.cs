namespace SimGrid.Scenarios.Yaml;

/// <summary>"did you mean ...?" for misspelt names: the closest known name within a third of its length in edits.</summary>
public static class Suggest
{
    /// <summary>No id is longer; a longer name gets no suggestion, so that its cost stays bounded (edit distance is quadratic).</summary>
    public const int MaxNameLength = 128;

    public static string DidYouMean(string given, IEnumerable<string> known)
    {
        if (given.Length > MaxNameLength) return "";
        var best = known
            .Where(k => Math.Abs(k.Length - given.Length) <= Math.Max(2, k.Length / 3))
            .Select(k => (Name: k, Distance: Distance(given, k)))
            .Where(x => x.Distance <= Math.Max(2, x.Name.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? "" : $" (did you mean {best.Name}?)";
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
