using Catalog.Server.Hosting;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>serve</c> (the default), <c>seed</c>, <c>import</c> and <c>apps</c>. Exit codes: 0 done, 1 failed, 2 bad usage.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        if (rest.Contains("--help") || rest.Contains("-h"))
            return Help(command);
        switch (command)
        {
            case "serve":
                await CatalogHost.Build(CatalogHost.CreateBuilder(rest)).RunAsync();
                return Ok;
            case "import":
                return await ImportCommand.RunAsync(rest);
            case "seed":
                return await SeedCommand.RunAsync(rest);
            case "apps":
                return await AppsCommand.RunAsync(rest);
            case "help":
                return Help(rest.FirstOrDefault() ?? "");
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.");
                Help("");
                return Usage;
        }
    }

    private static int Help(string command)
    {
        Console.WriteLine(command switch
        {
            "serve" => "serve [--urls URL] [--Catalog:Store:DatabasePath=FILE]\n  Runs the server; migrates and seeds an empty database first.",
            "import" => "import DIR [--Catalog:Store:DatabasePath=FILE]\n  Imports the 2019 Eclipse Marketplace export in DIR (*.jsonl.gz). Running it twice changes nothing.",
            "seed" => "seed [DIR] [--Catalog:Store:DatabasePath=FILE]\n  Writes the seed catalog (default: seed-data) into the database, whether empty or not.",
            "apps" => AppsCommand.Help,
            _ => "Commands: serve (default), import DIR, seed [DIR], apps create|list|revoke, help COMMAND.\nSettings: any --Section:Key=value, e.g. --Catalog:Store:DatabasePath=data/catalog.db",
        });
        return Ok;
    }
}
