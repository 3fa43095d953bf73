using System.Globalization;
using System.Text;

namespace Catalog.Schema.Text;

/// <summary>Url titles as the real marketplace forms them: lowercase words joined by hyphens.</summary>
public static class UrlTitles
{
    public const int MaxLength = 120;

    public static string FromName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // é -> e
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                    builder.Append('-');
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
                if (builder.Length >= MaxLength)
                    break;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.Length == 0 ? "listing" : builder.ToString();
    }

    /// <summary>True when the value can be used in <c>/content/{title}</c> as it is.</summary>
    public static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
