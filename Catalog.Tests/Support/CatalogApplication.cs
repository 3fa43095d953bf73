using Catalog.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Support;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 (a free port), over a SQLite file in a temporary folder that is
/// deleted on dispose (unless the caller passed its own folder, to restart on it). Seeded from the repository's seed-data unless told otherwise.
/// </summary>
public sealed class CatalogApplication : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsFolder;

    private CatalogApplication(WebApplication app, string folder, HttpClient client, bool ownsFolder)
    {
        _app = app;
        _ownsFolder = ownsFolder;
        Folder = folder;
        Client = client;
    }

    public string Folder { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public Uri BaseAddress => Client.BaseAddress!;
    public string DatabasePath => Path.Combine(Folder, "catalog.db");

    public static async Task<CatalogApplication> StartAsync(
        IDictionary<string, string?>? settings = null, bool seed = true, string? folder = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("catalog-tests-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Catalog:Store:DatabasePath"] = Path.Combine(folder, "catalog.db"),
            ["Catalog:Search:IndexPath"] = Path.Combine(folder, "index"),
            ["Catalog:Server:SeedDirectory"] = seed ? ReferenceData.SeedData : "",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;
        var builder = CatalogHost.CreateBuilder([], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(b);
        });
        var app = CatalogHost.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = new Uri(address),
        };
        return new CatalogApplication(app, folder, client, ownsFolder);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
            return; // the caller restarts on it and deletes it
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test that owned it.
        }
    }
}
