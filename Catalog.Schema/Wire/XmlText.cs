using System.Text;

namespace Catalog.Schema.Wire;

/// <summary>
/// Makes any stored text legal XML 1.0 character data. The real export holds control characters, and the
/// client's parser fails on them (PROTOCOL.md), so they are dropped rather than escaped.
/// </summary>
public static class XmlText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var firstBad = IndexOfInvalid(value);
        if (firstBad < 0)
            return value;
        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsLegal(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static int IndexOfInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsLegal(c))
                return i;
        }
        return -1;
    }

    // XML 1.0 Char production, minus surrogates (handled as pairs above).
    private static bool IsLegal(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
