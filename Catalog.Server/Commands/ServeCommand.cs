using Catalog.Search;
using Catalog.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

public sealed class ServeCommand : ICatalogCommand
{
    public string Name => "serve";
    public string Synopsis => "serve";
    public string Description => """
        Runs the server (the default command).
        Migrates the database, seeds it when empty, brings the search index up to the store, then serves HTTP
        until stopped. --urls http://0.0.0.0:8080 picks where it listens.
        """;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Arguments.Count > 0)
            return context.UsageError($"serve takes no arguments, not '{context.Arguments[0]}'.");
        var builder = CatalogHost.CreateBuilder([.. context.Settings]);
        // Everything an operator can get wrong is found before the store is migrated or seeded: Kestrel binds
        // last, and the index would be opened after the seed.
        ListenAddresses.EnsureUsable(builder.Configuration);
        await using var app = CatalogHost.Build(builder);
        app.Services.GetService<IStartupValidator>()?.Validate();
        WritableDataFolders.Ensure(app.Services);
        app.Services.GetRequiredService<LuceneSearchIndex>();
        await app.RunAsync(context.Cancellation);
        return ExitCodes.Ok;
    }
}
