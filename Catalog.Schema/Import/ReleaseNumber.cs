using System.Globalization;

namespace Catalog.Schema.Import;

/// <summary>
/// An Eclipse platform release as the export names it (<c>4.7</c>, <c>4.14</c>): compared as numbers, since
/// 4.14 is newer than 4.7 though it sorts before it as text.
/// </summary>
internal readonly record struct ReleaseNumber(int Major, int Minor) : IComparable<ReleaseNumber>
{
    public static bool TryParse(string text, out ReleaseNumber release)
    {
        release = default;
        var parts = text.Trim().Split('.');
        if (parts.Length != 2
            || !TryParsePart(parts[0], out var major)
            || !TryParsePart(parts[1], out var minor))
            return false;
        release = new ReleaseNumber(major, minor);
        return true;
    }

    public int CompareTo(ReleaseNumber other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";

    private static bool TryParsePart(string part, out int value) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
