using System.Globalization;
using System.Text;

namespace Catalog.Server.Protocol;

/// <summary>
/// The <c>filters</c> parameter of search: space-separated <c>field:value</c> facets, values optionally in
/// double quotes when they hold spaces (<c>sm_field_licensetype:"Apache 2.0"</c>). Several <c>tid</c>
/// narrow further; unknown fields are ignored as the real server ignores them.
/// </summary>
public sealed record SearchFilters(IReadOnlyList<int> Terms, IReadOnlyList<string> Statuses, IReadOnlyList<string> Licenses)
{
    public const int MaxLength = 2000;

    public static SearchFilters Parse(string? filters)
    {
        if (string.IsNullOrWhiteSpace(filters))
            return None;
        if (filters.Length > MaxLength)
            throw ProtocolException.BadRequest($"filters is limited to {MaxLength} characters.");
        var terms = new List<int>();
        var statuses = new List<string>();
        var licenses = new List<string>();
        foreach (var token in Tokenize(filters))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var field = token[..colon];
            var value = Unquote(token[(colon + 1)..]);
            if (value.Length == 0)
                continue;
            switch (field)
            {
                case "tid":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                        throw ProtocolException.BadRequest($"tid must be a positive integer, not '{RequestParsing.Shorten(value)}'.");
                    if (!terms.Contains(id))
                        terms.Add(id);
                    break;
                case "sm_field_status":
                    statuses.Add(value);
                    break;
                case "sm_field_licensetype":
                    licenses.Add(value);
                    break;
            }
        }
        return new SearchFilters(terms, statuses, licenses);
    }

    public static SearchFilters None { get; } = new([], [], []);

    public bool IsEmpty => Terms.Count == 0 && Statuses.Count == 0 && Licenses.Count == 0;

    /// <summary>The <c>filters</c> value that <see cref="Parse"/> reads back as these filters.</summary>
    public string Format()
    {
        var parts = new List<string>(Terms.Count + Statuses.Count + Licenses.Count);
        parts.AddRange(Terms.Select(t => "tid:" + t.ToString(CultureInfo.InvariantCulture)));
        parts.AddRange(Statuses.Select(s => "sm_field_status:" + Quote(s)));
        parts.AddRange(Licenses.Select(l => "sm_field_licensetype:" + Quote(l)));
        return string.Join(' ', parts);
    }

    private static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || c == '"') ? "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Splits on whitespace outside double quotes.</summary>
    private static IEnumerable<string> Tokenize(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                    yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
            yield return current.ToString();
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            value = value[1..^1];
        return value.Replace("\\\"", "\"", StringComparison.Ordinal).Trim();
    }
}
