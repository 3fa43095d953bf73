using Catalog.Schema.Publishing;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// An upload as the API answers it: EQP's <c>file_upload_id, filename, content_type, size</c>, plus the content
/// hash, the public URL listings use, and when it was uploaded.
/// </summary>
public sealed record FileUploadView(
    int FileUploadId, string Filename, string ContentType, long Size, string Sha256, string Url, int? PublisherId, DateTimeOffset CreatedAt)
{
    public static FileUploadView From(FileRecord file, string publicBaseUrl) =>
        new(file.Id, file.Filename, file.ContentType, file.Size, file.Sha256,
            publicBaseUrl.TrimEnd('/') + FilePaths.Of(file.Id), file.PublisherId, file.CreatedAt);
}
