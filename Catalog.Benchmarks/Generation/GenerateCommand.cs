using System.Diagnostics;
using System.Text.Json;
using Catalog.Benchmarks.Workload;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Microsoft.Extensions.Options;

namespace Catalog.Benchmarks.Generation;

/// <summary>
/// <c>generate</c>: builds the catalog from the 2019 export, writes it into a new database through the one
/// write path (<see cref="CatalogContentWriter"/>, as <c>import</c> does), times that write, and leaves the
/// request lists wrk draws from.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var export = args.Required("export");
        var database = Path.GetFullPath(args.Required("db"));
        var size = CatalogSize.Parse(args.Optional("size", "10k"));
        var seed = args.Int("seed", 42);
        var output = Directory.CreateDirectory(args.Required("out")).FullName;
        var ct = CancellationToken.None;

        var clock = Stopwatch.StartNew();
        var vocabulary = await Vocabulary.LoadAsync(export, ct);
        var content = new CatalogGenerator(vocabulary, ReleaseTable.Default).Generate(size, seed);
        var generateMs = clock.ElapsedMilliseconds;
        Console.WriteLine($"Generated {content.Listings.Count} listings from {vocabulary.Listings.Count} real ones (seed {seed}) in {generateMs} ms.");

        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
        var connections = new SqliteConnectionFactory(Options.Create(new StoreOptions { DatabasePath = database }));
        await new MigrationRunner(connections, TimeProvider.System).MigrateAsync(ct);
        clock.Restart();
        var result = await new CatalogContentWriter(connections, ReleaseTable.Default, TimeProvider.System).WriteAsync(content, ct);
        var importMs = clock.ElapsedMilliseconds;
        Console.WriteLine($"Imported {result.ListingsAdded} listings in {importMs} ms ({result.Warnings.Count} warnings).");
        foreach (var warning in result.Warnings.Take(5))
            Console.WriteLine($"  warning: {warning}");

        await WorkloadFiles.WriteAsync(connections, vocabulary, seed, output, ct);
        // Closing the last connection checkpoints the WAL into the database file, which is then its whole size.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(Path.Combine(output, "import.json"), JsonSerializer.Serialize(new ImportFigures(
            content.Listings.Count, seed, generateMs, importMs, result.ListingsAdded, new FileInfo(database).Length)), ct);
        return 0;
    }
}

public sealed record ImportFigures(int Size, int Seed, long GenerateMs, long ImportMs, int ListingsAdded, long DatabaseBytes);
