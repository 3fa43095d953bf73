using System.Collections.Frozen;

namespace Catalog.Schema.Compatibility;

/// <summary>Maps the client's <c>os</c> query parameter (Eclipse's osgi.os) to the platform names solution versions carry.</summary>
public static class ClientOs
{
    private static readonly FrozenDictionary<string, string> PlatformByOs = new Dictionary<string, string>
    {
        ["linux"] = "Linux/GTK",
        ["win32"] = "Windows",
        ["macosx"] = "Mac",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The platform wire name (<c>Windows</c>, <c>Mac</c>, <c>Linux/GTK</c>), or null for an os the catalog has no platform for.</summary>
    public static string? ToPlatform(string? os) =>
        os is not null && PlatformByOs.TryGetValue(os.Trim(), out var platform) ? platform : null;
}
