namespace Catalog.Schema.Import;

/// <summary>Why an importer skipped or repaired something in its source.</summary>
public enum ImportIssueKind
{
    /// <summary>A line that is not a JSON object; the line is skipped.</summary>
    InvalidJson,

    /// <summary>A document without a usable <c>_id</c>; skipped, since nothing could refer to it.</summary>
    MissingKey,

    /// <summary>A second document with an <c>_id</c> already seen in the same file; the first one wins.</summary>
    DuplicateKey,

    /// <summary>A listing, category, market or catalog without a title; skipped.</summary>
    MissingTitle,

    /// <summary>A field holding the wrong JSON type; its default is used instead.</summary>
    InvalidField,

    /// <summary>A solution version whose <c>listing_id</c> is null; skipped.</summary>
    OrphanVersion,

    /// <summary>A version or market pointing to a listing that is absent or was skipped; the reference is dropped.</summary>
    UnknownListing,

    /// <summary>A listing pointing to a category that is absent or was skipped; the reference is dropped.</summary>
    UnknownCategory,

    /// <summary>A market naming the same listing more than once; kept once.</summary>
    DuplicateMarketListing,

    /// <summary>A date that does not parse; replaced by the listing's other date, or the Unix epoch.</summary>
    UnparseableDate,

    /// <summary>A compatible release that is not <c>major.minor</c>; dropped.</summary>
    UnparseableRelease,

    /// <summary>A feature whose install state is not one of the known values; imported as optional and selected.</summary>
    UnknownInstallState,

    /// <summary>A feature without an id; dropped.</summary>
    MissingFeatureId,

    /// <summary>A feature listed twice in one version; the first one wins.</summary>
    DuplicateFeature,

    /// <summary>A tag without a name; dropped.</summary>
    EmptyTag,

    /// <summary>A market or category whose url yields no slug; the slug is derived from the title.</summary>
    MissingSlug,

    /// <summary>A catalog tab that the catalog protocol cannot express; dropped.</summary>
    UnsupportedTab,

    /// <summary>
    /// A catalog whose url names another server; replaced by this server's public base URL, since an IDE choosing
    /// the imported catalog would otherwise switch to that server (kept with <c>import --keep-catalog-urls</c>).
    /// </summary>
    CatalogUrlReplaced,

    /// <summary>A catalog icon on a host that looks unusable from elsewhere (a development or private name); kept, reported.</summary>
    UnusableIconHost,
}
