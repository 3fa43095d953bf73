using System.Diagnostics;
using Npgsql;

namespace Catalog.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> into a temporary folder, listening only on a
/// Unix socket in that folder (no port to collide on, nothing reachable from outside), with durability off
/// because the data dies with the run. Started on first use, so a run without PostgreSQL tests never pays for
/// it, and stopped by <see cref="PostgreSqlServerTeardown"/>. As root, the cluster runs as the unprivileged
/// <c>postgres</c> user (PostgreSQL refuses to run as root). Binaries: <c>PG_BIN</c>, else Debian's
/// <c>/usr/lib/postgresql/N/bin</c>; <c>./test.sh</c> installs them when missing.
/// </summary>
public sealed class PostgreSqlServer
{
    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string folder;
    private readonly string binaries;
    private readonly string? runAs;
    private int databases;

    private PostgreSqlServer(string folder, string binaries, string? runAs)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.runAs = runAs;
    }

    private string DataDirectory => Path.Combine(folder, "data");

    /// <summary>The cluster of this test run, started on first call.</summary>
    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// <summary>A connection string for a new, empty database of its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"catalog_test_{Interlocked.Increment(ref databases)}_{Environment.ProcessId}";
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = folder, // a folder: Npgsql connects to the Unix socket in it
        Port = 5432,
        Username = "postgres",
        Database = database,
        // Small pools: every test host has its own, and the cluster's max_connections is shared by all of them.
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>Restarts the cluster: every open connection breaks, as when the database server restarts.</summary>
    public async Task RestartAsync()
    {
        await PgCtlAsync("restart", "-m", "fast");
    }

    internal static async Task StopSharedAsync()
    {
        if (!Shared.IsValueCreated || !Shared.Value.IsCompletedSuccessfully)
            return;
        var server = Shared.Value.Result;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await server.PgCtlAsync("stop", "-m", "immediate");
        }
        finally
        {
            try
            {
                Directory.Delete(server.folder, recursive: true);
            }
            catch (IOException)
            {
                // The folder is in the temp directory; a leftover must not fail the run.
            }
        }
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = FindBinaries();
        // Short path: a Unix socket's path must stay under ~107 bytes.
        var folder = Path.Combine(Path.GetTempPath(), "mpc-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var runAs = Environment.UserName == "root" ? UnprivilegedUser() : null;
        if (runAs is not null)
            await RunAsync("chown", ["-R", runAs, folder]);
        var server = new PostgreSqlServer(folder, binaries, runAs);
        await server.RunAsUserAsync(Path.Combine(binaries, "initdb"),
            ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await server.PgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"), "-o",
            $"-c listen_addresses='' -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        return server;
    }

    private Task PgCtlAsync(string action, params string[] extra) =>
        RunAsUserAsync(Path.Combine(binaries, "pg_ctl"), [action, "-D", DataDirectory, .. extra]);

    private Task RunAsUserAsync(string program, IReadOnlyList<string> arguments) => runAs is null
        ? RunAsync(program, arguments)
        : RunAsync("runuser", ["-u", runAs, "--", program, .. arguments]);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            return configured;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (found is null)
            Assert.Fail("PostgreSQL not found in /usr/lib/postgresql/*/bin: install it (apt-get install -y postgresql; ./test.sh does) or set PG_BIN.");
        return found!;
    }

    /// <summary>Debian's package creates <c>postgres</c>; <c>nobody</c> when it is absent.</summary>
    private static string UnprivilegedUser() =>
        File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
}
