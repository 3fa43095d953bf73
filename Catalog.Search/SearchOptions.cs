using System.ComponentModel.DataAnnotations;

namespace Catalog.Search;

/// <summary>Configuration section <c>Catalog:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Catalog:Search";

    /// <summary>
    /// The folder holding the Lucene index; relative paths resolve against the working directory. The folder
    /// belongs to the index: unreadable index files in it are deleted and the index is rebuilt.
    /// </summary>
    [Required]
    public string IndexPath { get; set; } = "data/index";
}
