namespace Catalog.Server.Pages;

/// <summary>
/// Promoted listings say so with a <c>**Promoted**</c> prefix on their short description, which is how the
/// IDE shows it (PROTOCOL.md); a page shows a badge instead of the asterisks.
/// </summary>
public static class Promotion
{
    public const string Marker = "**Promoted**";

    public static (bool Promoted, string Text) Split(string shortDescription) =>
        shortDescription.StartsWith(Marker, StringComparison.Ordinal)
            ? (true, shortDescription[Marker.Length..].TrimStart())
            : (false, shortDescription);
}
