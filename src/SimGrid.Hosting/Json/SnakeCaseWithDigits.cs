using System.Text;
using System.Text.Json;

namespace SimGrid.Hosting.Json;

/// <summary>snake_case that also splits numbers off words: PersonHoursBelow16c -> person_hours_below_16c.</summary>
public sealed class SnakeCaseWithDigits : JsonNamingPolicy
{
    public override string ConvertName(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1])));
            if (startsWord) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
