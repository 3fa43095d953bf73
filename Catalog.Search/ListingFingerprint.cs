using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Catalog.Schema.Model;

namespace Catalog.Search;

/// <summary>
/// A hash of everything a listing's search document is made from, stored in the document so that a check can
/// tell whether the index holds what the store holds without re-analysing text. Install counts are left out:
/// they change on every install without touching the change log (ARCHITECTURE.md), so they would make every
/// popular listing look stale.
/// </summary>
public static class ListingFingerprint
{
    public static string Of(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var text = new StringBuilder(256 + listing.Body.Length);
        // Unit separators between fields and record separators between list items, so no two different
        // listings can produce the same text by moving characters across a field boundary.
        void Field(string value) => text.Append(value).Append('\u001F');
        void Items<T>(IEnumerable<T> values, Func<T, string> format)
        {
            foreach (var value in values)
                text.Append(format(value)).Append('\u001E');
            text.Append('\u001F');
        }

        Field(listing.Id.ToString(CultureInfo.InvariantCulture));
        Field(listing.Name);
        Field(listing.ShortDescription);
        Field(listing.Body);
        Field(listing.Owner);
        Field(listing.CompanyName);
        Field(listing.Status);
        Field(listing.License);
        Field(listing.Favorites.ToString(CultureInfo.InvariantCulture));
        Items(listing.Tags, t => t.Name);
        Items(listing.CategoryIds, id => id.ToString(CultureInfo.InvariantCulture));
        Items(listing.MarketIds, id => id.ToString(CultureInfo.InvariantCulture));
        Items(listing.Versions, v => string.Join(',', v.Releases) + "|" + string.Join(',', v.Platforms));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
