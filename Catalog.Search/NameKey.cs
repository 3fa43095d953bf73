using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Catalog.Search;

/// <summary>
/// A name reduced to lower-case ASCII words separated by single spaces, so <c>checkstyle plug-in</c> typed by a
/// user equals the listing <c>Checkstyle Plug-in</c> for the exact-name boost.
/// </summary>
internal static class NameKey
{
    public static string Of(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var input = name.ToCharArray();
        // Folding can turn one character into up to four (e.g. a ligature), as ASCIIFoldingFilter sizes it.
        var folded = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, folded, 0, input.Length);

        var key = new StringBuilder(length);
        var pendingSpace = false;
        for (var i = 0; i < length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                    key.Append(' ');
                key.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return key.ToString();
    }
}
