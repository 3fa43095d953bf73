namespace Catalog.Search;

/// <summary>The read side of search; synchronous because Lucene is, and a search never waits on IO it could yield for.</summary>
public interface ISearchService
{
    /// <exception cref="SearchInputException">The text is longer than the search accepts.</exception>
    SearchResult Search(SearchRequest request);
}
