using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Benchmarks.Generation;
using Catalog.Benchmarks.Publishing;

namespace Catalog.Benchmarks.Reporting;

/// <summary>
/// <c>report</c>: turns a run's results folder into the generated part of BENCHMARKS.md (between the
/// <c>results</c> markers); the hand-written rest of the file, such as what each optimisation bought, is kept.
/// </summary>
public static class ReportCommand
{
    public const string Begin = "<!-- results:begin (written by bench/run.sh; edit outside these markers) -->";
    public const string End = "<!-- results:end -->";

    private static readonly (string Key, string Label, string Goal)[] Scenarios =
    [
        ("node-id", "node by id, 2,000 random ids", "≥ nginx (ratio ≥ 1.00)"),
        ("node-title", "node by url title, same 2,000", ""),
        ("root", "`/api/p` markets and categories", ""),
        ("taxonomy", "taxonomy term (category, market)", ""),
        ("featured", "featured", ""),
        ("popular", "popular/top", ""),
        ("search", "search, text only", ""),
        ("search-facets", "search, text + market + category + platform.version", "p99 < 5 ms"),
        ("mixed", "mixed client session (8 requests, install included)", ""),
        ("nginx-node", "baseline: nginx, same node bytes as static files", ""),
        ("kestrel-fixed", "baseline: bare Kestrel endpoint, fixed bytes", ""),
    ];

    public static async Task<int> RunAsync(Arguments args)
    {
        var results = args.Required("results");
        var output = args.Required("out");
        var block = Render(results);
        var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : DefaultDocument;
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(output, updated);
        Console.WriteLine($"Wrote {output}.");
        return 0;
    }

    private static string Render(string folder)
    {
        var environment = ReadJson<JsonObject>(folder, "environment.json") ?? [];
        var import = ReadJson<ImportFigures>(folder, "import.json");
        var runs = Scenarios.ToDictionary(s => s.Key, s => ReadJson<WrkResult>(folder, $"wrk-{s.Key}.json"));
        var nginx = runs["nginx-node"];
        var md = new StringBuilder();
        md.AppendLine(Begin);
        var machine = MachineDescription.Read();
        md.AppendLine($"Measured {Text(environment, "finished")} at **{import?.Size.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} listings** " +
                      $"(seed {import?.Seed}) with `{Text(environment, "command")}`.");
        md.AppendLine();
        md.AppendLine($"- Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Memory} memory; {machine.Os}; {machine.DotNet}.");
        md.AppendLine($"- Load: wrk {Text(environment, "wrk_version")} with {Text(environment, "connections")} connections, " +
                      $"{Text(environment, "threads")} threads, {Text(environment, "duration")} per scenario after a warm-up; " +
                      "wrk, nginx and the server share the same cores, so every figure is lower than on a machine where the load comes from elsewhere.");
        md.AppendLine($"- Machine state: {Text(environment, "machine_state")}");
        md.AppendLine();
        md.AppendLine("| scenario | req/s | p50 ms | p99 ms | max ms | errors (non-2xx / socket) | vs nginx | goal | met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var (key, label, goal) in Scenarios)
        {
            if (runs[key] is not { } run)
            {
                md.AppendLine($"| {label} | not run | | | | | | {goal} | |");
                continue;
            }
            var ratio = nginx is { Requests: > 0 } ? run.RequestsPerSecond / nginx.RequestsPerSecond : double.NaN;
            var met = key switch
            {
                "node-id" => Met(ratio >= 1.0),
                "search-facets" => Met(run.P99 < 5_000),
                _ => "",
            };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {run.RequestsPerSecond:N0} | {Ms(run.P50)} | {Ms(run.P99)} | {Ms(run.Max)} | " +
                          $"{run.StatusErrors} / {run.SocketErrors} | {(double.IsNaN(ratio) ? "—" : ratio.ToString("F2", CultureInfo.InvariantCulture))} | {goal} | {met} |");
        }
        md.AppendLine();
        md.AppendLine("| figure | measured | goal | met |");
        md.AppendLine("|---|---:|---|---|");
        if (import is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| import of {import.Size:N0} listings (one write through CatalogContentWriter) | {Seconds(import.ImportMs)} | < 20 s at 100k | {Met(import.ImportMs < 20_000)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| generating them from the 2019 export (not part of the import) | {Seconds(import.GenerateMs)} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| database size | {import.DatabaseBytes / 1024.0 / 1024.0:F0} MB | | |");
        }
        if (ReadJson<JsonObject>(folder, "reindex.json") is { } reindex)
            md.AppendLine($"| full reindex ({Text(reindex, "method")}) | {Seconds(Long(reindex, "ms"))} | | |");
        if (ReadJson<JsonObject>(folder, "coldstart.json") is { } cold)
            md.AppendLine($"| cold start to first answer, index on disk | {Seconds(Long(cold, "ms"))} | < 2 s | {Met(Long(cold, "ms") < 2_000)} |");
        if (ReadJson<ApprovalOutcome>(folder, "approval.json") is { } approval)
        {
            md.AppendLine(approval.Milliseconds is { } ms
                ? $"| publisher API approval to found by search | {Seconds(ms)} | < 1 s | {Met(ms < 1_000)} |"
                : $"| publisher API approval to found by search | {approval.Note} | < 1 s | |");
        }
        if (ReadJson<JsonObject>(folder, "memory.json") is { } memory)
        {
            var peakMb = Math.Max(Long(memory, "hwm_kb"), Long(memory, "peak_rss_kb")) / 1024.0;
            md.AppendLine(CultureInfo.InvariantCulture, $"| server resident memory at peak under load (VmHWM) | {peakMb:F0} MB | < 400 MB | {Met(peakMb < 400)} |");
        }
        md.AppendLine();
        md.AppendLine("p50/p99/max are wrk's latency distribution; errors count answers of 400 or more (no request is conditional, so none can be a 304) and connect, read, write and " +
                      "timeout errors. \"vs nginx\" is requests per second over nginx's on the same node bytes.");
        md.Append(End);
        return md.ToString();
    }

    private const string DefaultDocument = "# Benchmarks\n";

    private static T? ReadJson<T>(string folder, string name) where T : class
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : null;
    }

    private static string Text(JsonObject json, string key) => json[key]?.ToString() ?? "?";

    private static long Long(JsonObject json, string key) => json[key]?.GetValue<long>() ?? 0;

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("F2", CultureInfo.InvariantCulture);

    private static string Seconds(long ms) => (ms / 1000.0).ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Met(bool met) => met ? "yes" : "**no**";
}
