using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Schema.Compatibility;

/// <summary>
/// The one spelling of a minimum Java version in the store and on the wire: <c>java_17</c>, as the real
/// marketplace's export writes it (<c>java_6</c> … <c>java_9</c>). Publishers write what they know ("17",
/// "1.8", "11.0.2"); seed and import already use this form.
/// </summary>
public static partial class JavaVersion
{
    private const string Prefix = "java_";

    /// <summary><c>java_N</c> for a value naming Java N in any usual spelling; null for anything else.</summary>
    public static string? Canonical(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = Spelling().Match(value.Trim());
        if (!match.Success)
            return null;
        var major = int.Parse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        // Before Java 9 the version was 1.N: 1.8 is Java 8.
        if (major == 1 && match.Groups["minor"].Success)
            major = int.Parse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return major is >= 1 and <= 999 ? Prefix + major.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The canonical form when there is one, else the value as it is (imported data is kept, not dropped).</summary>
    public static string CanonicalOrAsIs(string value) => value.Length == 0 ? value : Canonical(value) ?? value;

    [GeneratedRegex(@"^(?:java[_ ]?)?(?<major>[0-9]{1,3})(?:[._](?<minor>[0-9]{1,3}))?(?:[._][0-9]{1,3})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Spelling();
}
