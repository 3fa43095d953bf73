namespace Catalog.Search;

/// <summary>Configuration section <c>Catalog:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Catalog:Search";

    /// <summary>
    /// The folder holding the Lucene index; relative paths resolve against the working directory. The folder
    /// belongs to the index: unreadable index files in it are deleted and the index is rebuilt. Empty: the host
    /// chooses (the server puts it beside its database, so a database and its index move together).
    /// </summary>
    public string IndexPath { get; set; } = "";
}
