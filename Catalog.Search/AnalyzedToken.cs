namespace Catalog.Search;

/// <summary>A token of user text as the index stores it, with its position for phrase matching.</summary>
internal readonly record struct AnalyzedToken(string Term, int Position);
