using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace Catalog.Search;

/// <summary>
/// Listing descriptions are HTML; only their text is searchable, so a search for <c>strong</c> does not find
/// every listing that uses <c>&lt;strong&gt;</c>, and <c>&amp;amp;</c> is read as <c>&amp;</c>.
/// </summary>
internal static class HtmlText
{
    public static string Strip(string html)
    {
        if (string.IsNullOrEmpty(html) || (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0))
            return html;
        using var filter = new HTMLStripCharFilter(new StringReader(html));
        var text = new StringBuilder(html.Length);
        var buffer = new char[1024];
        // Not ReadToEnd: the filter ends with -1 as Java readers do, which TextReader.ReadToEnd takes for a length.
        int read;
        while ((read = filter.Read(buffer, 0, buffer.Length)) > 0)
            text.Append(buffer, 0, read);
        return text.ToString();
    }
}
