using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Operations;

/// <summary>
/// The database and the uploaded files on a small tmpfs of their own (the test mounts it; it needs root), filled to
/// the last page by a filler file while the server runs: every kind of write is refused with a 507 that says why,
/// reads go on, readiness says the store is not writable, and freeing the space brings writes back without a restart.
/// </summary>
[NonParallelizable]
public sealed class FullDiskTests
{
    private const string Packages = "/rest/v1/products/packages";

    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();
        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private string _folder = null!;
    private string _disk = null!;

    [SetUp]
    public void MountSmallDisk()
    {
        _folder = Directory.CreateTempSubdirectory("catalog-fulldisk-").FullName;
        _disk = Directory.CreateDirectory(Path.Combine(_folder, "disk")).FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", _disk);
        if (code != 0)
        {
            Directory.Delete(_folder, recursive: true);
            Assert.Ignore($"cannot mount a tmpfs here (needs root): {output}");
        }
    }

    [TearDown]
    public void UnmountSmallDisk()
    {
        SqliteConnection.ClearAllPools();
        Run("umount", "-l", _disk);
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_full_disk_refuses_each_write_with_507_and_writes_come_back_when_space_does()
    {
        var sink = new CollectingSink();
        var database = Path.Combine(_disk, "catalog.db");
        await using var app = await CatalogApplication.StartAsync(
            Settings(new Dictionary<string, string?>
            {
                ["Catalog:Store:DatabasePath"] = database,
                ["Catalog:Search:IndexPath"] = Path.Combine(_folder, "index"),
                ["Catalog:Files:StoragePath"] = Path.Combine(_disk, "files"),
                ["Serilog:MinimumLevel:Default"] = "Information",
            }),
            folder: _folder,
            configure: b => b.Services.AddSingleton<ILogEventSink>(sink));
        var operatorToken = await OperatorTokenAsync(app);
        var publisher = await NewPublisherAsync(app, operatorToken, "Full Disk Works");
        var key = await CreateOperatorKeyAsync(app);
        var live = await CreateReadyPackageAsync(app.Client, publisher.Token, "Saffron Inspector");
        await ActAsync(app, publisher.Token, live, "submit", HttpStatusCode.OK);
        await ActAsync(app, operatorToken, live, "approve", HttpStatusCode.OK);
        var waiting = await CreateReadyPackageAsync(app.Client, publisher.Token, "Cardamom Formatter");
        await ActAsync(app, publisher.Token, waiting, "submit", HttpStatusCode.OK);
        FileUploadClient.SingleId(await FileUploadClient.UploadAsync(app.Client, publisher.Token, new UploadPart("before.png", TestFiles.Png, "image/png")));
        var reportsBefore = await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None);

        var filler = FillTheDisk(database);

        var approval = await SendAsync(app.Client, HttpMethod.Put, Packages, operatorToken, new[] { new { id = waiting, action = "approve" } });
        var upload = await FileUploadClient.UploadAsync(app.Client, publisher.Token, new UploadPart("during.gif", TestFiles.Gif, "image/gif"));
        var token = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session", expires_in = 600 });
        using var report = await app.Client.PostAsync("/install/error/report", ErrorReport(live));
        using var install = await app.Client.GetAsync($"/node/{live}/success");
        foreach (var refused in new[] { approval, upload, token })
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.InsufficientStorage), refused.Text);
            Assert.That(refused.Json!["message"]!.GetValue<string>(), Does.Contain("storage is full"), refused.Text);
        }
        foreach (var refused in new[] { report, install })
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(507), refused.RequestMessage!.RequestUri!.ToString());
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
            var error = XDocument.Parse(await refused.Content.ReadAsStringAsync()).Root!.Element("error");
            Assert.That(error?.Attribute("status")?.Value, Is.EqualTo("507"));
            Assert.That(error?.Value, Does.Contain("storage is full"));
        }
        Assert.That((await app.Client.GetAsync($"/node/{live}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads go on");
        Assert.That((await GetAsync(app.Client, $"{Packages}/{waiting}", publisher.Token)).Status, Is.EqualTo(HttpStatusCode.OK), "authenticated reads go on");
        using (var ready = await app.Client.GetAsync("/readyz"))
        {
            Assert.That((int)ready.StatusCode, Is.EqualTo(503));
            Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("store not writable"));
        }
        var fullDiskErrors = sink.Events.Where(e => e.Level == LogEventLevel.Error).ToList();
        Assert.That(fullDiskErrors.Select(e => e.MessageTemplate.Text), Has.Exactly(1).Contains("storage is full"), "logged once, not per request");
        Assert.That(fullDiskErrors, Has.Count.EqualTo(1), string.Join("\n", fullDiskErrors.Select(e => e.RenderMessage())));

        File.Delete(filler);

        using (var ready = await app.Client.GetAsync("/readyz"))
            Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        var approved = await ActAsync(app, operatorToken, waiting, "approve", HttpStatusCode.OK);
        Assert.That(approved.Json![0]!["state"]!.GetValue<string>(), Is.EqualTo("published"), approved.Text);
        FileUploadClient.SingleId(await FileUploadClient.UploadAsync(app.Client, publisher.Token, new UploadPart("after.gif", TestFiles.Gif, "image/gif")));
        Assert.That((await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session", expires_in = 600 })).Status, Is.EqualTo(HttpStatusCode.OK));
        using (var after = await app.Client.PostAsync("/install/error/report", ErrorReport(live)))
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None), Is.EqualTo(reportsBefore + 1), "the refused report was not stored, the later one was");
        Assert.That((await app.Client.GetAsync($"/node/{live}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the listing approved before the disk filled is still live");
        Assert.That((await app.Client.GetAsync($"/node/{waiting}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sink.Events.Where(e => e.Level == LogEventLevel.Information).Select(e => e.MessageTemplate.Text),
            Has.Some.Contains("has room again"));
    }

    /// <summary>
    /// Moves the write-ahead log into the database and truncates it, so the next write must allocate, then fills
    /// every free page of the tmpfs. The server's pooled connections stay open, so SQLite keeps its shared-memory
    /// file and reads need no new space.
    /// </summary>
    private static string FillTheDisk(string database)
    {
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var result = checkpoint.ExecuteReader();
            Assert.That(result.Read() && result.GetInt32(0) == 0, "the checkpoint was blocked by a reader");
        }
        var filler = Path.Combine(Path.GetDirectoryName(database)!, "filler");
        using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var chunk in new[] { 1 << 16, 4096, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true)
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (IOException)
            {
                // ENOSPC: this chunk size no longer fits; the next, smaller one takes what is left.
            }
        }
        return filler;
    }

    private static FormUrlEncodedContent ErrorReport(int node) => new(
    [
        new("client", "org.eclipse.epp.mpc.core"), new("os", "linux"), new("platform.version", "4.38"),
        new("status", "4"), new("statusMessage", "Cannot complete the install"), new("node", node.ToString()),
        new("detailedMessage", new string('x', 20_000)),
    ]);

    private static async Task<ApiResponse> ActAsync(CatalogApplication app, string token, int id, string action, HttpStatusCode expected)
    {
        var response = await SendAsync(app.Client, HttpMethod.Put, Packages, token, new[] { new { id, action } });
        Assert.That(response.Status, Is.EqualTo(expected), response.Text);
        return response;
    }

    private static (int Code, string Output) Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
