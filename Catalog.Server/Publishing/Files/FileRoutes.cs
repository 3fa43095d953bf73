namespace Catalog.Server.Publishing.Files;

/// <summary>Route patterns of uploads (under /rest/v1) and of the public file URLs (outside it).</summary>
public static class FileRoutes
{
    public const string Uploads = "/files/uploads";
    public const string Upload = "/files/uploads/{id:int}";

    /// <summary>Where anyone reads a file (the path the store writes into listings).</summary>
    public const string PublicFile = Catalog.Schema.Publishing.FilePaths.Route;
}
