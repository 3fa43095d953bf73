using Catalog.Search;

namespace Catalog.Tests.Search;

/// <summary>
/// Text that breaks query parsers (lucenenet's QueryParserTestBase.TestException and friends), plus sizes at
/// and past the limit. A search must treat all of it as words.
/// </summary>
internal static class HostileSearchInput
{
    public static IEnumerable<TestCaseData> Accepted()
    {
        string[] texts =
        [
            "play!", "\"unbalanced", "unbalanced\"", "a:b", ":", "*", "?x", "x?", "*:*", "AND", "NOT", "OR", "a AND", "NOT b",
            "&&", "||", "!", "\\", "\\\\\\", "(", ")", "((a)", "[1 TO 5]", "{a TO b}", "[", "}", "~", "foo~", "foo~2", "^2",
            "foo^100", "name:checkstyle", "id:1", "-", "+", "-a +b", "/regex.*/", "a*b?c", "te?t", "**", "???", "\"\"",
            "🚀", "rocket 🚀 launcher", "👨‍👩‍👧‍👦", "\0", "a\0b", "%00", "%", "&amp;", "<script>alert(1)</script>",
            "\uD800", "x\uDC00y", "مرحبا", "日本語エディタ", "e\u0301diteur", "   ", "\t\n", "'", "';DROP TABLE listings;--",
            new string('a', 1000), new string('a', 255) + "x", string.Concat(Enumerable.Repeat("a ", 500)),
            string.Concat(Enumerable.Repeat("edit~ ", 160)), string.Concat(Enumerable.Range(0, 100).Select(i => $"w{i}x ")),
            string.Concat(Enumerable.Repeat("*", SearchQueryBuilder.MaxTextLength)),
        ];
        return texts.Select(text => new TestCaseData(text).SetArgDisplayNames(Display(text)));
    }

    public static IEnumerable<TestCaseData> TooLong()
    {
        yield return new TestCaseData(new string('a', SearchQueryBuilder.MaxTextLength + 1)).SetArgDisplayNames("limit+1");
        yield return new TestCaseData(new string('x', 10_000)).SetArgDisplayNames("10000 chars");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("checkstyle ", 1_000))).SetArgDisplayNames("1000 words");
    }

    // Test names must stay printable and short whatever the input holds.
    private static string Display(string text)
    {
        var shown = new string(text.Take(24).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '·' : c).ToArray());
        return text.Length > 24 ? $"{shown}…({text.Length})" : shown;
    }
}
