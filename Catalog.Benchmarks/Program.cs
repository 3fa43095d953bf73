using Catalog.Benchmarks;
using Catalog.Benchmarks.Baseline;
using Catalog.Benchmarks.Generation;
using Catalog.Benchmarks.Publishing;
using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Workload;

// The benchmark's own tools; bench/run.sh strings them together with the server, wrk and nginx.
if (args.Length == 0 || args[0] is "help" or "--help")
{
    Console.WriteLine("""
        Catalog.Benchmarks COMMAND [--option value ...]
          generate --export DIR --db FILE --size 100k [--seed 42] --out DIR   generate, import, write workload files
          mirror --base URL --paths FILE --root DIR                           save our answers as static files (for nginx)
          fixed --urls URL --file FILE                                        a minimal Kestrel answering fixed bytes
          approval --base URL --out FILE                                      time from publisher approval to search hit
          report --results DIR --out FILE                                     write BENCHMARKS.md from the results
        """);
    return 0;
}
var options = new Arguments(args.Skip(1));
return args[0] switch
{
    "generate" => await GenerateCommand.RunAsync(options),
    "mirror" => await MirrorCommand.RunAsync(options),
    "fixed" => await FixedBytesServer.RunAsync(options),
    "approval" => await ApprovalScenario.RunAsync(options),
    "report" => await ReportCommand.RunAsync(options),
    _ => Fail($"Unknown command '{args[0]}'."),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
