using Catalog.Schema.Publishing;
using Catalog.Server.Hosting;
using Catalog.Server.Publishing.Auth;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Uploads (EQP's <c>/files/uploads</c>): a publisher's or the operator's logos, screenshots and documents.
/// Uploads are writes, so the group's write rate limit applies.
/// </summary>
public static class FileEndpoints
{
    public static RouteGroupBuilder MapFileEndpoints(this RouteGroupBuilder api)
    {
        // No Accepts metadata: routing would answer another Content-Type with a bare 415; the reader says what is wrong.
        api.MapPost(FileRoutes.Uploads, Upload).Produces<List<FileUploadView>>();
        api.MapGet(FileRoutes.Upload, GetUpload).Produces<FileUploadView>();
        return api;
    }

    /// <summary>
    /// Every part is read and checked before anything is stored, so a refused part leaves nothing behind;
    /// the bytes go to storage first and the rows last, in one transaction.
    /// </summary>
    public static async Task<IResult> Upload(
        HttpContext http, Caller caller, FileUploadReader reader, IFileStorage storage, IFileRecordStore files, PublicBaseUrl baseUrl)
    {
        var ct = http.RequestAborted;
        var uploads = await reader.ReadAsync(http.Request, ct);
        try
        {
            foreach (var upload in uploads)
                await storage.PutAsync(upload.Sha256, upload.Open(), ct);
            var records = await files.AddAsync(caller.PublisherId,
                uploads.Select(u => new NewFileRecord(u.Sha256, u.Type.ContentType, u.Size, u.Filename)).ToList(), ct);
            var root = baseUrl.For(http.Request);
            return PublisherJson.Result(records.Select(r => FileUploadView.From(r, root)).ToList());
        }
        finally
        {
            foreach (var upload in uploads)
                await upload.DisposeAsync();
        }
    }

    public static async Task<IResult> GetUpload(int id, HttpContext http, Caller caller, IFileRecordStore files, PublicBaseUrl baseUrl)
    {
        var file = await files.GetAsync(id, http.RequestAborted) ?? throw ApiException.NotFound("file upload");
        if (!caller.MayManage(file.PublisherId))
            throw ApiException.Forbidden("A publisher may read only its own uploads.");
        return PublisherJson.Result(FileUploadView.From(file, baseUrl.For(http.Request)));
    }
}
