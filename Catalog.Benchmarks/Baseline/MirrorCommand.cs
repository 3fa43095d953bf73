namespace Catalog.Benchmarks.Baseline;

/// <summary>
/// <c>mirror</c>: fetches every path of a scenario from our server and stores the answer under the same path
/// (query left off), so nginx serves exactly the bytes we serve.
/// </summary>
public static class MirrorCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var baseUrl = new Uri(args.Required("base"));
        var root = Directory.CreateDirectory(args.Required("root")).FullName;
        var paths = await File.ReadAllLinesAsync(args.Required("paths"));
        using var http = new HttpClient { BaseAddress = baseUrl };
        var failures = 0;
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (path, ct) =>
        {
            using var response = await http.GetAsync(path, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
                return;
            }
            var file = Path.Combine(root, path.Split('?')[0].TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(ct), ct);
        });
        Console.WriteLine($"Mirrored {paths.Length - failures} of {paths.Length} answers into {root}.");
        return failures == 0 ? 0 : 1;
    }
}
