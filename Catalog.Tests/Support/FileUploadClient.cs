using System.Net.Http.Headers;

namespace Catalog.Tests.Support;

/// <summary>One part of an upload: the bytes, the name and the Content-Type the client claims (the server ignores both for the type).</summary>
public sealed record UploadPart(string Filename, byte[] Bytes, string DeclaredType = "application/octet-stream", string PartName = "file[]");

/// <summary>A request body sent as multipart/form-data instead of JSON (see <see cref="PublisherApiClient.SendAsync"/>).</summary>
public sealed record MultipartBody(IReadOnlyList<UploadPart> Parts);

/// <summary>Uploads over HTTP as a script would: <c>POST /rest/v1/files/uploads</c>, multipart, parts named <c>file[]</c>.</summary>
public static class FileUploadClient
{
    public const string UploadsPath = "/rest/v1/files/uploads";

    public static async Task<ApiResponse> UploadAsync(HttpClient client, string? token, params UploadPart[] parts)
    {
        using var content = Multipart(parts);
        return await SendAsync(client, token, content);
    }

    /// <summary>A multipart/form-data body with one part each.</summary>
    public static MultipartFormDataContent Multipart(IEnumerable<UploadPart> parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var part in parts)
        {
            var bytes = new ByteArrayContent(part.Bytes);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(part.DeclaredType);
            content.Add(bytes, part.PartName, part.Filename);
        }
        return content;
    }

    public static async Task<ApiResponse> SendAsync(HttpClient client, string? token, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadsPath) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    /// <summary>The id of the one file an upload answered.</summary>
    public static int SingleId(ApiResponse response)
    {
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), response.Text);
        var items = response.Json!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1), response.Text);
        return items[0]!["file_upload_id"]!.GetValue<int>();
    }
}
