using Catalog.Schema.Store;
using Catalog.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

/// <summary>
/// The services of the catalog exactly as the server composes them (same configuration sources, same
/// options and validation), without listening or running hosted services: what every command works with.
/// </summary>
public sealed class CommandHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CommandHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public IHostEnvironment Environment => _app.Environment;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="migrate">Bring the database schema up to date first (every command that writes).</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public static async Task<CommandHost> OpenAsync(IReadOnlyList<string> settings, bool migrate, CancellationToken ct)
    {
        var app = CatalogHost.Build(CatalogHost.CreateBuilder([.. settings]));
        try
        {
            // The server validates options when it starts; a command never starts the host, so it asks here,
            // before it has written anything.
            app.Services.GetService<IStartupValidator>()?.Validate();
            if (migrate)
            {
                WritableDataFolders.Ensure(app.Services);
                await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(ct);
            }
            return new CommandHost(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        // Pooled connections keep the SQLite file open after the command is done with it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
