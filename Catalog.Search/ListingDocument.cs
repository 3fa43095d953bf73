using System.Globalization;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Lucene.Net.Documents;

namespace Catalog.Search;

/// <summary>The Lucene document of a listing: scored text, facet terms and the numbers results are ordered by.</summary>
internal static class ListingDocument
{
    /// <summary>
    /// Names without length norms: a name either holds the word or not, so "Python :: CodeMix" does not outrank
    /// "PyDev - Python IDE for Eclipse" for being shorter, and equally good name matches fall to installs and
    /// favorites. Frozen, so the shared instance cannot change.
    /// </summary>
    private static readonly FieldType NameType = CreateNameType();
    public static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Document Create(Listing listing, ReleaseTable releases)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var doc = new Document
        {
            new StringField(SearchFields.Id, IdText(listing.Id), Field.Store.YES),
            new StoredField(SearchFields.Fingerprint, ListingFingerprint.Of(listing)),
            new NumericDocValuesField(SearchFields.IdOrder, listing.Id),
            new Field(SearchFields.Name, listing.Name, NameType),
            new StringField(SearchFields.NameExact, NameKey.Of(listing.Name), Field.Store.NO),
            new TextField(SearchFields.ShortDescription, HtmlText.Strip(listing.ShortDescription), Field.Store.NO),
            new TextField(SearchFields.Body, HtmlText.Strip(listing.Body), Field.Store.NO),
            new TextField(SearchFields.Owner, $"{listing.Owner} {listing.CompanyName}", Field.Store.NO),
            new StringField(SearchFields.Status, listing.Status, Field.Store.NO),
            new StringField(SearchFields.License, listing.License, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Installs, listing.InstallsTotal),
            new NumericDocValuesField(SearchFields.Favorites, listing.Favorites),
        };

        foreach (var tag in listing.Tags)
            doc.Add(new TextField(SearchFields.Tags, tag.Name, Field.Store.NO));

        // Markets and categories share one id space (tid), so one field serves both facets.
        foreach (var term in listing.CategoryIds.Concat(listing.MarketIds).Distinct())
            doc.Add(new StringField(SearchFields.Term, IdText(term), Field.Store.NO));

        foreach (var release in CompatibilityResolver.MaskOf(listing.Versions, releases).Indexes)
            doc.Add(new StringField(SearchFields.Release, IdText(release), Field.Store.NO));

        foreach (var platform in listing.Versions.SelectMany(v => v.Platforms).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            doc.Add(new StringField(SearchFields.Platform, platform, Field.Store.NO));

        return doc;
    }

    private static FieldType CreateNameType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true };
        type.Freeze();
        return type;
    }
}
