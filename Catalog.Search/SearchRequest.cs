using Catalog.Schema.Compatibility;

namespace Catalog.Search;

/// <summary>One search, as the protocol's search endpoint asks for it.</summary>
/// <param name="Text">What the user typed; plain words, never query syntax. Empty means browse by facets alone.</param>
/// <param name="Terms">Market or category ids (<c>tid</c> facets); a listing must be in all of them.</param>
/// <param name="Statuses">Exact status values; a listing must have one of them (empty: any).</param>
/// <param name="Licenses">Exact license values; a listing must have one of them (empty: any).</param>
/// <param name="Release">The client's release; listings with no version for it are left out. Null: no filtering.</param>
/// <param name="Os">The client's os. It only chooses between versions and never hides a listing, so search ignores it.</param>
public sealed record SearchRequest(
    string Text,
    IReadOnlyList<int> Terms,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Licenses,
    EclipseRelease? Release,
    string? Os,
    int Offset,
    int Limit)
{
    /// <summary>
    /// When the words match nothing, retry tolerating typos (the default). Counting facets turns it off: a
    /// count of exact matches is what a facet link leads to, and the retry is the expensive part.
    /// </summary>
    public bool TypoTolerant { get; init; } = true;
}
