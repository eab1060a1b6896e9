using SimGrid.Scenarios.Yaml;

namespace SimGrid.Tests.Scenarios;

/// <summary>"Did you mean" costs edit distance, quadratic in the name: names beyond any real id get no suggestion.</summary>
public class SuggestTests
{
    [Fact]
    public void A_near_miss_is_suggested_up_to_the_longest_id_and_not_beyond()
    {
        var longest = new string('a', Suggest.MaxNameLength);
        Assert.Equal($" (did you mean {longest}?)", Suggest.DidYouMean(longest[..^1] + "b", [longest, "kharkiv"]));
        var beyond = new string('a', Suggest.MaxNameLength + 1);
        Assert.Equal("", Suggest.DidYouMean(beyond[..^1] + "b", [beyond, "kharkiv"]));
        Assert.Equal(" (did you mean kharkiv?)", Suggest.DidYouMean("kharkov", ["kyiv", "kharkiv"]));
    }

    [Fact]
    public void A_megabyte_name_is_quoted_by_its_start()
    {
        var d = new Diagnostics("x.yaml");
        d.Error(new YamlDotNet.Core.Mark(1, 2, 3), "regions", $"unknown region '{new string('k', 1_000_000)}'");
        Assert.Equal(Diagnostics.MaxMessageLength + 3, d.All.Single().Message.Length);
        Assert.StartsWith("regions: unknown region 'kkk", d.All.Single().Message, StringComparison.Ordinal);
    }
}
