using Catalog.Schema.Store;
using Catalog.Server.Hosting;

namespace Catalog.Server.Commands;

/// <summary>The set-up commands share: the server's services over the configured store, migrated, not serving.</summary>
public static class CommandHost
{
    /// <param name="settings"><c>--Section:Key=value</c> arguments.</param>
    public static async Task<WebApplication> OpenAsync(string[] settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = CatalogHost.Build(CatalogHost.CreateBuilder(settings, configure));
        await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Arguments that are settings (<c>--Section:Key=value</c>, <c>--urls</c>) rather than the command's own.</summary>
    public static string[] Settings(IEnumerable<string> args) => args.Where(a => a.StartsWith('-')).ToArray();
}
