using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Dapper;
using static Catalog.Tests.Support.FileUploadClient;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>Uploads over HTTP: types from the bytes, limits while reading, storage by content hash, public serving, who may do what.</summary>
public sealed class FileUploadTests
{
    public static IEnumerable<TestCaseData> AcceptedFiles()
    {
        yield return new TestCaseData("logo.png", TestFiles.Png, "image/png", "inline; filename=logo.png").SetName("AcceptsPng");
        yield return new TestCaseData("logo.gif", TestFiles.Gif, "image/gif", "inline; filename=logo.gif").SetName("AcceptsGif");
        yield return new TestCaseData("photo.jpeg", TestFiles.Jpeg, "image/jpeg", "inline; filename=photo.jpeg").SetName("AcceptsJpeg");
        yield return new TestCaseData("guide.pdf", TestFiles.Pdf, "application/pdf", "attachment; filename=guide.pdf").SetName("AcceptsPdfServedAsDownload");
        yield return new TestCaseData("logo.svg", TestFiles.SvgWithScript, "image/svg+xml", "inline; filename=logo.svg").SetName("AcceptsSvgWithScript");
        yield return new TestCaseData("logo.bin", TestFiles.Png, "image/png", "inline; filename=logo.bin.png").SetName("ServesUnderTheExtensionOfTheRecognisedType");
    }

    [TestCaseSource(nameof(AcceptedFiles))]
    public async Task UploadIsRecognisedFromItsBytesAndServedPublicly(string filename, byte[] bytes, string expectedType, string expectedDisposition)
    {
        await using var app = await StartAsync();
        var publisher = await NewPublisherAsync(app, await OperatorTokenAsync(app));

        var upload = await UploadAsync(app.Client, publisher.Token, new UploadPart(filename, bytes, "application/octet-stream"));
        var id = SingleId(upload);
        var item = upload.Json![0]!;
        using var served = await app.Client.GetAsync($"/files/{id}");
        var body = await served.Content.ReadAsByteArrayAsync();

        Assert.That(item["filename"]!.GetValue<string>(), Is.EqualTo(filename));
        Assert.That(item["content_type"]!.GetValue<string>(), Is.EqualTo(expectedType), "from the bytes, not the declared octet-stream");
        Assert.That(item["size"]!.GetValue<long>(), Is.EqualTo(bytes.Length));
        Assert.That(item["url"]!.GetValue<string>(), Is.EqualTo(new Uri(app.BaseAddress, $"/files/{id}").ToString()));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), "anonymous");
        Assert.That(body, Is.EqualTo(bytes));
        Assert.That(served.Content.Headers.ContentType!.MediaType, Is.EqualTo(expectedType));
        Assert.That(served.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(served.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox"));
        Assert.That(served.Content.Headers.ContentDisposition!.ToString(), Does.StartWith(expectedDisposition));
        Assert.That(served.Headers.ETag!.Tag, Is.EqualTo($"\"{Sha256(bytes)}\""));
        Assert.That(served.Headers.CacheControl!.Public && served.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), Is.True,
            served.Headers.CacheControl.ToString());
    }

    [Test]
    public async Task SeveralFilesInOneRequestAnswerInOrder()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token,
            new UploadPart("a.png", TestFiles.Png, "image/png"), new UploadPart("b.pdf", TestFiles.Pdf, "application/pdf"));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.OK), upload.Text);
        var items = upload.Json!.AsArray();
        Assert.That(items.Select(i => i!["filename"]!.GetValue<string>()), Is.EqualTo(new[] { "a.png", "b.pdf" }));
        Assert.That(items.Select(i => i!["content_type"]!.GetValue<string>()), Is.EqualTo(new[] { "image/png", "application/pdf" }));
        Assert.That(items.Select(i => i!["file_upload_id"]!.GetValue<int>()).Distinct().Count(), Is.EqualTo(2));
        Assert.That(items[0]!["publisher_id"], Is.Null, "an operator upload belongs to no publisher");
    }

    public static IEnumerable<TestCaseData> Impostors()
    {
        yield return new TestCaseData("logo.png", TestFiles.Executable, "image/png").SetName("RefusesExecutableNamedLogoPng");
        yield return new TestCaseData("logo.png", TestFiles.Html, "image/png").SetName("RefusesHtmlNamedLogoPng");
        yield return new TestCaseData("logo.svg", TestFiles.Xhtml, "image/svg+xml").SetName("RefusesXhtmlNamedLogoSvg");
        yield return new TestCaseData("logo.svg", TestFiles.SvgWithoutNamespace, "image/svg+xml").SetName("RefusesSvgOutsideTheSvgNamespace");
        yield return new TestCaseData("logo.svg", TestFiles.SvgWithEntityBomb, "image/svg+xml").SetName("RefusesSvgWithADtd");
        yield return new TestCaseData("logo.svg", TestFiles.SvgWithExternalEntity, "image/svg+xml").SetName("RefusesSvgWithAnExternalEntity");
        yield return new TestCaseData("logo.svg", TestFiles.TruncatedSvg, "image/svg+xml").SetName("RefusesMalformedSvg");
        yield return new TestCaseData("notes.txt", Encoding.UTF8.GetBytes("just text"), "text/plain").SetName("RefusesPlainText");
    }

    [TestCaseSource(nameof(Impostors))]
    public async Task UnrecognisedBytesAreUnsupportedMediaTypeAndNothingIsStored(string filename, byte[] bytes, string declaredType)
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token, new UploadPart(filename, bytes, declaredType));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), upload.Text);
        Assert.That(upload.ErrorField, Is.EqualTo("file[]"));
        Assert.That(await FileRowsAsync(app), Is.Zero);
        Assert.That(StoredBlobs(app), Is.Empty);
    }

    [Test]
    public async Task OneBadFileAmongGoodOnesStoresNone()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token,
            new UploadPart("good.png", TestFiles.Png), new UploadPart("bad.png", TestFiles.Executable), new UploadPart("good.gif", TestFiles.Gif));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), upload.Text);
        Assert.That(upload.Json!["message"]!.GetValue<string>(), Does.Contain("bad.png"));
        Assert.That(await FileRowsAsync(app), Is.Zero);
        Assert.That(StoredBlobs(app), Is.Empty);
    }

    [Test]
    public async Task FileOverTheLimitIsTooLargeAndWritesNothing()
    {
        await using var app = await StartAsync(new() { ["Catalog:Files:MaxFileBytes"] = "1024" });
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token, new UploadPart("big.png", TestFiles.PngOfSize(64 * 1024), "image/png"));
        var atTheLimit = await UploadAsync(app.Client, token, new UploadPart("limit.png", TestFiles.PngOfSize(1024), "image/png"));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), upload.Text);
        Assert.That(upload.ErrorField, Is.EqualTo("file[]"));
        Assert.That(atTheLimit.Status, Is.EqualTo(HttpStatusCode.OK), "a file of exactly the limit is accepted");
        Assert.That(await FileRowsAsync(app), Is.EqualTo(1), "only the file at the limit");
        Assert.That(StoredBlobs(app), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task RequestOverTheLimitIsTooLargeAndWritesNothing()
    {
        await using var app = await StartAsync(new() { ["Catalog:Files:MaxFileBytes"] = "4096", ["Catalog:Files:MaxRequestBytes"] = "8192" });
        var token = await OperatorTokenAsync(app);

        var parts = Enumerable.Range(0, 4).Select(i => new UploadPart($"{i}.png", TestFiles.PngOfSize(3000 + i))).ToArray();
        var upload = await UploadAsync(app.Client, token, parts);

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), upload.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
        Assert.That(StoredBlobs(app), Is.Empty);
    }

    [Test]
    public async Task ChunkedRequestOverTheLimitIsStoppedWhileReading()
    {
        await using var app = await StartAsync(new() { ["Catalog:Files:MaxFileBytes"] = "4096", ["Catalog:Files:MaxRequestBytes"] = "8192" });
        var token = await OperatorTokenAsync(app);
        using var content = new MultipartFormDataContent();
        foreach (var i in Enumerable.Range(0, 4))
            content.Add(new StreamContent(new MemoryStream(TestFiles.PngOfSize(3000 + i))), "file[]", $"{i}.png");
        // Sent chunked, so the server cannot refuse on Content-Length and must count while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadsPath) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TransferEncodingChunked = true;

        var upload = await ApiResponse.ReadAsync(await app.Client.SendAsync(request));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), upload.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
        Assert.That(StoredBlobs(app), Is.Empty);
    }

    [Test]
    public async Task SameBytesUploadedTwiceAreStoredOnceBesideTheDatabase()
    {
        await using var app = await StartAsync();
        var operatorToken = await OperatorTokenAsync(app);
        var publisher = await NewPublisherAsync(app, operatorToken);

        var first = SingleId(await UploadAsync(app.Client, publisher.Token, new UploadPart("logo.png", TestFiles.Png)));
        var second = SingleId(await UploadAsync(app.Client, operatorToken, new UploadPart("same.png", TestFiles.Png)));
        var both = await UploadAsync(app.Client, operatorToken, new UploadPart("x.gif", TestFiles.Gif), new UploadPart("y.gif", TestFiles.Gif));

        var sha = Sha256(TestFiles.Png);
        Assert.That(first, Is.Not.EqualTo(second), "a record per upload");
        Assert.That(both.Status, Is.EqualTo(HttpStatusCode.OK), both.Text);
        Assert.That(StoredBlobs(app).Select(Path.GetFileName), Is.EquivalentTo(new[] { sha, Sha256(TestFiles.Gif) }));
        Assert.That(File.ReadAllBytes(Path.Combine(app.Folder, "files", sha[..2], sha)), Is.EqualTo(TestFiles.Png));
        Assert.That(await app.Client.GetByteArrayAsync($"/files/{first}"), Is.EqualTo(TestFiles.Png));
        Assert.That(await app.Client.GetByteArrayAsync($"/files/{second}"), Is.EqualTo(TestFiles.Png));
    }

    [Test]
    public async Task StorageFolderIsConfigurable()
    {
        var storage = Directory.CreateTempSubdirectory("catalog-files-").FullName;
        try
        {
            await using var app = await StartAsync(new() { ["Catalog:Files:StoragePath"] = storage });
            var token = await OperatorTokenAsync(app);

            SingleId(await UploadAsync(app.Client, token, new UploadPart("logo.png", TestFiles.Png)));

            var sha = Sha256(TestFiles.Png);
            Assert.That(File.Exists(Path.Combine(storage, sha[..2], sha)), Is.True);
            Assert.That(Directory.Exists(Path.Combine(app.Folder, "files")), Is.False);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Test]
    public async Task FilenameIsStrippedOfFoldersAndUnsafeCharacters()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token, new UploadPart("..\\..//etc/lo<go>|*.png", TestFiles.Png));
        var id = SingleId(upload);
        using var served = await app.Client.GetAsync($"/files/{id}");

        Assert.That(upload.Json![0]!["filename"]!.GetValue<string>(), Is.EqualTo("logo.png"));
        Assert.That(served.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("logo.png"));
    }

    [Test]
    public async Task AnonymousUploadIsUnauthorized()
    {
        await using var app = await StartAsync();

        var upload = await UploadAsync(app.Client, null, new UploadPart("logo.png", TestFiles.Png));

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.Unauthorized), upload.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
    }

    [Test]
    public async Task MetadataIsForTheOwnerAndTheOperatorOnly()
    {
        await using var app = await StartAsync();
        var operatorToken = await OperatorTokenAsync(app);
        var owner = await NewPublisherAsync(app, operatorToken, "Owner");
        var other = await NewPublisherAsync(app, operatorToken, "Other");
        var id = SingleId(await UploadAsync(app.Client, owner.Token, new UploadPart("logo.png", TestFiles.Png)));
        var operatorsOwn = SingleId(await UploadAsync(app.Client, operatorToken, new UploadPart("op.png", TestFiles.Png)));
        var path = $"{UploadsPath}/{id}";

        var byOwner = await GetAsync(app.Client, path, owner.Token);
        var byOperator = await GetAsync(app.Client, path, operatorToken);
        var byOther = await GetAsync(app.Client, path, other.Token);
        var byAnonymous = await GetAsync(app.Client, path, null);
        var operatorsByPublisher = await GetAsync(app.Client, $"{UploadsPath}/{operatorsOwn}", owner.Token);
        var unknown = await GetAsync(app.Client, $"{UploadsPath}/999", operatorToken);

        Assert.That(byOwner.Status, Is.EqualTo(HttpStatusCode.OK), byOwner.Text);
        Assert.That(byOwner.Json!["file_upload_id"]!.GetValue<int>(), Is.EqualTo(id));
        Assert.That(byOwner.Json!["publisher_id"]!.GetValue<int>(), Is.EqualTo(owner.PublisherId));
        Assert.That(byOwner.Json!["sha256"]!.GetValue<string>(), Is.EqualTo(Sha256(TestFiles.Png)));
        Assert.That(byOperator.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(byOther.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAnonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(operatorsByPublisher.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PublicFileAnswersHeadConditionalRequestsAndUnknownIds()
    {
        await using var app = await StartAsync();
        var id = SingleId(await UploadAsync(app.Client, await OperatorTokenAsync(app), new UploadPart("logo.png", TestFiles.Png)));

        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/files/{id}"));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Sha256(TestFiles.Png)}\""));
        using var notModified = await app.Client.SendAsync(conditional);
        using var unknown = await app.Client.GetAsync("/files/999");
        using var notAnId = await app.Client.GetAsync("/files/logo.png");

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(TestFiles.Png.Length));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(head.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notAnId.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task BodyThatIsNotMultipartIsBadRequest()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var json = await SendAsync(app.Client, token, new StringContent("{}", Encoding.UTF8, "application/json"));
        var raw = await SendAsync(app.Client, token, new ByteArrayContent(TestFiles.Png) { Headers = { ContentType = new("image/png") } });

        Assert.That(json.Status, Is.EqualTo(HttpStatusCode.BadRequest), json.Text);
        Assert.That(raw.Status, Is.EqualTo(HttpStatusCode.BadRequest), raw.Text);
        Assert.That(json.ErrorField, Is.EqualTo("file[]"));
    }

    [Test]
    public async Task MultipartWithoutAFilePartIsBadRequest()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);

        var misnamed = await UploadAsync(app.Client, token, new UploadPart("logo.png", TestFiles.Png, PartName: "file"));
        using var empty = new MultipartFormDataContent();
        var none = await SendAsync(app.Client, token, empty);
        using var fieldsOnly = new MultipartFormDataContent { { new StringContent("hello"), "comment" } };
        var onlyAField = await SendAsync(app.Client, token, fieldsOnly);

        Assert.That(misnamed.Status, Is.EqualTo(HttpStatusCode.BadRequest), misnamed.Text);
        Assert.That(misnamed.Json!["message"]!.GetValue<string>(), Does.Contain("file[]"));
        Assert.That(none.Status, Is.EqualTo(HttpStatusCode.BadRequest), none.Text);
        Assert.That(onlyAField.Status, Is.EqualTo(HttpStatusCode.BadRequest), onlyAField.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
    }

    [Test]
    public async Task MalformedMultipartIsBadRequest()
    {
        await using var app = await StartAsync();
        var token = await OperatorTokenAsync(app);
        var body = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file[]\"; filename=\"a.png\"\r\n\r\nno closing boundary");
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var noBoundary = new StringContent("whatever");
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        var truncated = await SendAsync(app.Client, token, body);
        var withoutBoundary = await SendAsync(app.Client, token, noBoundary);

        Assert.That(truncated.Status, Is.EqualTo(HttpStatusCode.BadRequest), truncated.Text);
        Assert.That(withoutBoundary.Status, Is.EqualTo(HttpStatusCode.BadRequest), withoutBoundary.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
    }

    [Test]
    public async Task TooManyFilesInOneRequestIsBadRequest()
    {
        await using var app = await StartAsync(new() { ["Catalog:Files:MaxFilesPerRequest"] = "2" });
        var token = await OperatorTokenAsync(app);

        var upload = await UploadAsync(app.Client, token, Enumerable.Range(0, 3).Select(i => new UploadPart($"{i}.png", TestFiles.Png)).ToArray());

        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.BadRequest), upload.Text);
        Assert.That(await FileRowsAsync(app), Is.Zero);
    }

    [Test]
    public async Task UploadsCountAgainstTheWriteRateLimit()
    {
        await using var app = await StartAsync(new() { ["Catalog:Publishing:WriteRequestsPerWindow"] = "2", ["Catalog:Publishing:RateLimitWindowSeconds"] = "3600" });
        var token = await OperatorTokenAsync(app);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await UploadAsync(app.Client, token, new UploadPart("logo.png", TestFiles.Png))).Status);

        Assert.That(answers, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    private static Task<CatalogApplication> StartAsync(Dictionary<string, string?>? overrides = null) =>
        CatalogApplication.StartAsync(Settings(overrides), seed: false);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<long> FileRowsAsync(CatalogApplication app)
    {
        await using var c = await app.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM files");
    }

    /// <summary>Every file under the default storage folder, temporary ones included.</summary>
    private static string[] StoredBlobs(CatalogApplication app)
    {
        var root = Path.Combine(app.Folder, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}
