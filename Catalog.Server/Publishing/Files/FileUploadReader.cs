using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload part by part into temporary files, enforcing the size limits while
/// reading (the request limit through Kestrel, the file limit per part) and recognising each file's type from
/// its bytes. Nothing is stored here: the caller stores only when every part passed.
/// </summary>
public sealed class FileUploadReader(IOptions<FilesOptions> options)
{
    public const string PartName = "file[]";

    public async Task<IReadOnlyList<SpooledUpload>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var limits = options.Value;
        var boundary = Boundary(request);
        if (request.ContentLength > limits.MaxRequestBytes)
            throw RequestTooLarge(limits);
        var bodyLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
            bodyLimit.MaxRequestBodySize = limits.MaxRequestBytes;

        var uploads = new List<SpooledUpload>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            MultipartSection? section;
            while ((section = await NextSectionAsync(reader, ct)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    throw ApiException.Invalid(PartName, "Every part needs a Content-Disposition: form-data header.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name != PartName)
                    throw ApiException.Invalid(PartName, $"Unexpected part '{Shorten(name)}'; send each file as a part named {PartName}.");
                if (uploads.Count == limits.MaxFilesPerRequest)
                    throw ApiException.Invalid(PartName, $"At most {limits.MaxFilesPerRequest} files in one request.");
                var filename = SafeFilename.Clean(HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                                                  ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                uploads.Add(await SpoolAsync(section.Body, filename, limits, ct));
            }
            if (uploads.Count == 0)
                throw ApiException.Invalid(PartName, $"The request has no {PartName} part.");
            return uploads;
        }
        catch
        {
            foreach (var upload in uploads)
                await upload.DisposeAsync();
            throw;
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw ApiException.Invalid(PartName, $"Send the files as multipart/form-data, each in a part named {PartName}.");
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            throw ApiException.Invalid(PartName, "The multipart Content-Type has no valid boundary.");
        return boundary;
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw ApiException.Invalid(PartName, "The multipart body is malformed.");
        }
    }

    private static async Task<SpooledUpload> SpoolAsync(Stream body, string filename, FilesOptions limits, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"catalog-upload-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await ReadPartAsync(body, buffer, ct)) > 0)
            {
                size += read;
                if (size > limits.MaxFileBytes)
                    throw new ApiException(StatusCodes.Status413PayloadTooLarge,
                        $"'{Shorten(filename)}' is larger than {limits.MaxFileBytes} bytes.", PartName);
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (size == 0)
                throw ApiException.Invalid(PartName, $"'{Shorten(filename)}' is empty.");
            spool.Position = 0;
            var type = await FileTypeSniffer.SniffAsync(spool, ct)
                ?? throw new ApiException(StatusCodes.Status415UnsupportedMediaType,
                    $"'{Shorten(filename)}' is not a PNG, JPEG, GIF, SVG or PDF file (the type is recognised from the bytes, not the name).", PartName);
            return new SpooledUpload(spool, Convert.ToHexStringLower(hash.GetHashAndReset()), size, type, filename);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> ReadPartAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        try
        {
            return await body.ReadAsync(buffer, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw ApiException.Invalid(PartName, "The multipart body is malformed or ended early.");
        }
    }

    private static ApiException RequestTooLarge(FilesOptions limits) =>
        new(StatusCodes.Status413PayloadTooLarge, $"An upload request is limited to {limits.MaxRequestBytes} bytes.", PartName);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
