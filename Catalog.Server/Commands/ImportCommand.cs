using System.Diagnostics;
using Catalog.Schema.Import;
using Catalog.Schema.Store;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>import DIR</c>: loads the 2019 Eclipse Marketplace export through the content write path, so that a
/// second run changes nothing, and reports what it skipped and why.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var directory = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (directory is null)
        {
            Console.Error.WriteLine("Usage: import DIR   (the folder holding listings.jsonl.gz and the other export files)");
            return CommandLine.Usage;
        }
        var clock = Stopwatch.StartNew();
        Marketplace2019Import import;
        try
        {
            import = await new Marketplace2019Reader().ReadAsync(directory, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read the export: {e.Message}");
            return CommandLine.Failed;
        }
        await using var app = await CommandHost.OpenAsync(CommandHost.Settings(args));
        var services = app.Services;
        Console.WriteLine($"Read {import.Content.Listings.Count} listings, {import.Content.Markets.Count} markets, " +
                          $"{import.Content.Categories.Count} categories, {import.Content.Catalogs.Count} catalogs in {clock.ElapsedMilliseconds} ms.");
        foreach (var (kind, count) in import.Report.CountsByKind())
            Console.WriteLine($"  skipped or repaired: {kind} x{count}");
        foreach (var issue in import.Report.Issues.Take(20))
            Console.WriteLine($"    {issue.Kind} {issue.Source} {issue.Key}: {issue.Reason}");
        if (import.Report.Issues.Count > 20)
            Console.WriteLine($"    ... and {import.Report.Issues.Count - 20} more");

        var result = await services.GetRequiredService<CatalogContentWriter>().WriteAsync(import.Content, CancellationToken.None);
        PrintResult(result);
        Console.WriteLine($"Done in {clock.ElapsedMilliseconds} ms.");
        return CommandLine.Ok;
    }

    public static void PrintResult(ContentWriteResult result)
    {
        Console.WriteLine($"Listings: {result.ListingsAdded} added, {result.ListingsUpdated} updated, {result.ListingsUnchanged} unchanged; " +
                          $"taxonomy changes {result.TaxonomyChanges}, catalogs {result.CatalogChanges}, featured {result.FeaturedChanges}, news {result.NewsChanges}.");
        foreach (var warning in result.Warnings)
            Console.WriteLine($"  warning: {warning}");
        Console.WriteLine(result.ChangedAnything ? $"Change number now {result.ChangeNumber}." : "Nothing changed.");
    }
}
