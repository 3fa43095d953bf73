namespace Catalog.Schema.Publishing;

/// <summary>
/// Where a published file is served. Listings store the path relative (the wire makes it absolute with the
/// public base URL), so the store and the server's route must agree on it: both take it from here.
/// </summary>
public static class FilePaths
{
    /// <summary>The route pattern of a public file.</summary>
    public const string Route = "/files/{id:int}";

    public static string Of(int fileId) => "/files/" + fileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
