using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Catalog.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault(a => !a.StartsWith('-'));
        await using var app = await CommandHost.OpenAsync(CommandHost.Settings(args));
        var services = app.Services;
        var directory = SeedDirectory.Find(folder ?? services.GetRequiredService<IOptions<ServerOptions>>().Value.SeedDirectory,
            app.Environment.ContentRootPath);
        if (directory is null)
        {
            Console.Error.WriteLine($"Seed folder '{folder ?? "seed-data"}' not found.");
            return CommandLine.Failed;
        }
        var content = await services.GetRequiredService<SeedLoader>().LoadAsync(directory, CancellationToken.None);
        var result = await services.GetRequiredService<CatalogContentWriter>().WriteAsync(content, CancellationToken.None);
        ImportCommand.PrintResult(result);
        return CommandLine.Ok;
    }
}
