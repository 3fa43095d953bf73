using Catalog.Server.Commands;

namespace Catalog.Tests.Support;

/// <summary>A command run in-process through <see cref="CommandLine"/>, with what it wrote and its exit code.</summary>
public sealed record CommandRun(int ExitCode, string Out, string Error)
{
    /// <summary>Settings that put the store and index in <paramref name="folder"/>, laid out as <see cref="CatalogApplication"/> lays them out.</summary>
    public static string[] SettingsFor(string folder) =>
    [
        $"--Catalog:Store:DatabasePath={Path.Combine(folder, "catalog.db")}",
        $"--Catalog:Search:IndexPath={Path.Combine(folder, "index")}",
        $"--Catalog:Server:SeedDirectory={ReferenceData.SeedData}",
        "--Serilog:MinimumLevel:Default=Warning",
    ];

    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CommandConsole(output, error, ErrorIsTerminal: false), TimeProvider.System, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new CommandRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <paramref name="verb"/> on the store and index in <paramref name="folder"/>; settings in <paramref name="args"/> win.</summary>
    public static Task<CommandRun> InFolderAsync(string folder, string verb, params string[] args) =>
        RunAsync([verb, .. SettingsFor(folder), .. args]);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- error ---\n{Error}";
}
