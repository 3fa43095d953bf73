using System.Globalization;

namespace Catalog.Schema.Compatibility;

/// <summary>
/// The numeric part of an OSGi version (major.minor.micro); the qualifier is validated but dropped because
/// distributions rebuild bundles with qualifiers of their own.
/// </summary>
internal readonly record struct OsgiVersion(int Major, int Minor, int Micro) : IComparable<OsgiVersion>
{
    public int CompareTo(OsgiVersion other)
    {
        var byMajor = Major.CompareTo(other.Major);
        if (byMajor != 0)
            return byMajor;
        var byMinor = Minor.CompareTo(other.Minor);
        return byMinor != 0 ? byMinor : Micro.CompareTo(other.Micro);
    }

    public static bool operator <(OsgiVersion left, OsgiVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(OsgiVersion left, OsgiVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(OsgiVersion left, OsgiVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(OsgiVersion left, OsgiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Accepts <c>major.minor[.micro[.qualifier]]</c>. OSGi would accept a bare major, but a bare "4" names
    /// no release, so it is refused rather than read as 4.0.
    /// </summary>
    public static bool TryParse(string? text, out OsgiVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var parts = text.Trim().Split('.', 4);
        if (parts.Length < 2)
            return false;
        if (!TryParseNumber(parts[0], out var major) || !TryParseNumber(parts[1], out var minor))
            return false;

        var micro = 0;
        if (parts.Length >= 3 && !TryParseNumber(parts[2], out micro))
            return false;
        if (parts.Length == 4 && !IsQualifier(parts[3]))
            return false;

        version = new OsgiVersion(major, minor, micro);
        return true;
    }

    // The digit check comes first because int.TryParse tolerates trailing NUL characters even with
    // NumberStyles.None, and "4.7%00" from a query string is garbage, not 4.7.
    private static bool TryParseNumber(string part, out int value)
    {
        value = 0;
        return part.Length > 0
            && part.All(char.IsAsciiDigit)
            && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsQualifier(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
