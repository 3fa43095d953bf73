namespace Catalog.Search;

/// <summary>Search input the service refuses (too long); the endpoint answers it with 400, never 500.</summary>
public sealed class SearchInputException : Exception
{
    public SearchInputException()
    {
    }

    public SearchInputException(string message)
        : base(message)
    {
    }

    public SearchInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
