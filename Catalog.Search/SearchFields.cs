namespace Catalog.Search;

/// <summary>The index's field names; the only fields a query may name, so user text can never pick one.</summary>
internal static class SearchFields
{
    /// <summary>Listing id as invariant text; the key every upsert and delete goes by.</summary>
    public const string Id = "id";

    /// <summary>Stored only: <see cref="ListingFingerprint"/> of what the document was made from, for <c>check</c>.</summary>
    public const string Fingerprint = "fingerprint";

    // Scored text, analysed by CatalogAnalyzer.
    public const string Name = "name";
    public const string ShortDescription = "shortdescription";
    public const string Body = "body";
    public const string Tags = "tags";
    public const string Owner = "owner";

    /// <summary>The whole name as <see cref="NameKey"/> normalises it, for the exact-name boost.</summary>
    public const string NameExact = "name_exact";

    // Facets: exact values, filtered on without touching the score.
    public const string Term = "term";
    public const string Status = "status";
    public const string License = "license";

    /// <summary><see cref="Catalog.Schema.Compatibility.EclipseRelease.Index"/> of each release some version supports.</summary>
    public const string Release = "release";
    public const string Platform = "platform";

    // Numeric doc values: tie-breaks and browse order.
    public const string Installs = "installs";
    public const string Favorites = "favorites";
    public const string IdOrder = "id_order";
}
