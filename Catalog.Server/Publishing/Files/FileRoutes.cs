namespace Catalog.Server.Publishing.Files;

/// <summary>Route patterns of uploads (under /rest/v1) and of the public file URLs (outside it).</summary>
public static class FileRoutes
{
    public const string Uploads = "/files/uploads";
    public const string Upload = "/files/uploads/{id:int}";

    /// <summary>Where anyone reads a file; <see cref="Catalog.Schema.Publishing.FileRecordStore.PublicPath"/> writes these paths.</summary>
    public const string PublicFile = "/files/{id:int}";
}
