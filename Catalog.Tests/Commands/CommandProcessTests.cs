using System.Diagnostics;
using Catalog.Server.Commands;
using Catalog.Tests.Support;

namespace Catalog.Tests.Commands;

/// <summary>
/// The server binary as an operator runs it: a separate process, settings from <c>Catalog__Section__Key</c>
/// environment variables, the outcome read from its exit code.
/// </summary>
public sealed class CommandProcessTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("catalog-process-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Exit_codes_tell_agreement_differences_failure_and_usage_apart()
    {
        Assert.That((await RunAsync("seed")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That((await RunAsync("check")).ExitCode, Is.EqualTo(ExitCodes.Differences), "nothing has built the index yet");
        var reindex = await RunAsync("reindex");
        Assert.That(reindex.ExitCode, Is.EqualTo(ExitCodes.Ok), reindex.ToString);
        Assert.That(reindex.Error, Does.Contain("listings (100%)"));
        Assert.That((await RunAsync("check")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That((await RunAsync("check", "extra-argument")).ExitCode, Is.EqualTo(ExitCodes.Usage));

        Directory.Delete(Path.Combine(folder, "index"), recursive: true);
        File.Move(Path.Combine(folder, "catalog.db"), Path.Combine(folder, "moved.db"));
        var failed = await RunAsync("check");
        Assert.That(failed.ExitCode, Is.EqualTo(ExitCodes.Failed), failed.ToString);
        Assert.That(failed.Error, Does.Contain(Path.Combine(folder, "catalog.db")), "the environment variable named the database");
    }

    private async Task<CommandRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            Environment =
            {
                ["Catalog__Store__DatabasePath"] = Path.Combine(folder, "catalog.db"),
                ["Catalog__Search__IndexPath"] = Path.Combine(folder, "index"),
                ["Catalog__Server__SeedDirectory"] = ReferenceData.SeedData,
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CommandRun(process.ExitCode, await output, await error);
    }
}
