using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Catalog.Schema.Compatibility;
using Catalog.Search;
using Catalog.Server.Commands;
using Catalog.Tests.Support;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Commands;

/// <summary>
/// The mistakes a newcomer makes first, through the real command line: each is one line naming what to fix, with
/// the README's exit code, before anything is migrated or seeded, and never a stack trace.
/// </summary>
public sealed class StartupMistakesTests
{
    private string folder = null!;

    private string DatabasePath => Path.Combine(folder, "data", "catalog.db");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("catalog-mistakes-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private Task<CommandRun> RunAsync(string verb, params string[] settings) =>
        CommandRun.RunAsync([verb, $"--Catalog:Store:DatabasePath={DatabasePath}", $"--Catalog:Server:SeedDirectory={ReferenceData.SeedData}",
            "--Serilog:MinimumLevel:Default=Warning", "--urls", "http://127.0.0.1:0", .. settings]);

    [TestCase("seed", "--Catalog:Protocol:ListSize=abc", "Setting Catalog:Protocol:ListSize is 'abc', which is not a whole number.")]
    [TestCase("serve", "--Catalog:Protocol:ListSize=abc", "Setting Catalog:Protocol:ListSize is 'abc', which is not a whole number.")]
    [TestCase("seed", "--Catalog:Publishing:AllowPlainHttp=yes", "Setting Catalog:Publishing:AllowPlainHttp is 'yes', which is not true or false.")]
    [TestCase("serve", "--Catalog:Store:DatabasPath=other.db", "Unknown setting Catalog:Store:DatabasPath; did you mean Catalog:Store:DatabasePath?")]
    [TestCase("reindex", "--Catalog:Serch:IndexPath=x", "Unknown setting Catalog:Serch:IndexPath; did you mean Catalog:Search:IndexPath?")]
    [TestCase("serve", "--Catalog:Protocol:ListSize:Max=3", "Unknown setting Catalog:Protocol:ListSize:Max; did you mean Catalog:Protocol:ListSize?")]
    [TestCase("seed", "--Catalog:Store:Provider=PostgreSql", "Catalog:Store:Provider PostgreSql is not served by this build yet (its migrations exist, its stores do not); use Sqlite.")]
    [TestCase("serve", "--urls=notaurl", "Setting Urls has 'notaurl', which is not an address like http://localhost:5000 (several are separated by ';').")]
    [TestCase("serve", "--urls=http://127.0.0.1:99999", "Setting Urls has 'http://127.0.0.1:99999', which is not an address like http://localhost:5000 (several are separated by ';').")]
    public async Task A_wrong_setting_is_one_line_and_exit_code_2_with_nothing_written(string verb, string setting, string message)
    {
        var run = await RunAsync(verb, setting);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString);
        Assert.That(run.Error, Is.EqualTo($"{verb}: {message}{Environment.NewLine}"), "one line, no stack trace");
        Assert.That(File.Exists(DatabasePath), Is.False, "nothing migrated or seeded");
    }

    [Test]
    public async Task Known_settings_of_every_kind_are_accepted()
    {
        var run = await RunAsync("seed", "--Catalog:Protocol:ListSize=7", "--catalog:publishing:allowplainhttp=True",
            "--Catalog:Server:TrustedProxies:0=127.0.0.1", "--Catalog:Files:StoragePath=" + Path.Combine(folder, "files"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
    }

    [Test]
    public async Task A_port_in_use_is_noticed_before_the_store_is_migrated_or_seeded()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await RunAsync("serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Is.EqualTo($"serve: Cannot listen on http://127.0.0.1:{port}: another process is using port {port}. " +
                                          $"Stop it, or choose another address with --urls http://localhost:{port + 1}.{Environment.NewLine}"));
        Assert.That(File.Exists(DatabasePath), Is.False);
    }

    [Test]
    public async Task An_index_held_by_another_process_is_noticed_before_the_store_is_migrated()
    {
        using (new LuceneSearchIndex(Options.Create(new SearchOptions { IndexPath = Path.Combine(folder, "data", "index") }), ReleaseTable.Default))
        {
            var run = await RunAsync("serve");

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.ToString);
            Assert.That(run.Error, Does.Contain("is open in another process"));
            Assert.That(File.Exists(DatabasePath), Is.False);
        }
    }

    [TestCase("serve")]
    [TestCase("seed")]
    public async Task A_read_only_data_folder_says_so_and_not_that_something_else_holds_it(string verb)
    {
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        using var readOnly = ReadOnlyFolder.Make(data);

        var run = await RunAsync(verb);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.StartWith($"{verb}: {data} cannot be written ("));
        Assert.That(run.Error, Does.EndWith($"Make it writable, or choose another place with Catalog:Store:DatabasePath.{Environment.NewLine}"));
        Assert.That(run.Error, Does.Not.Contain("another process"));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_read_only_index_folder_names_the_index_setting()
    {
        var index = Directory.CreateDirectory(Path.Combine(folder, "index")).FullName;
        using var readOnly = ReadOnlyFolder.Make(index);

        var run = await RunAsync("serve", $"--Catalog:Search:IndexPath={index}");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.StartWith($"serve: {index} cannot be written ("));
        Assert.That(run.Error, Does.Contain("Catalog:Search:IndexPath"));
        Assert.That(File.Exists(DatabasePath), Is.False);
    }

    /// <summary>
    /// A folder this process cannot write: a read-only tmpfs mounted over it when running as root (root ignores
    /// permissions), its write permission removed otherwise.
    /// </summary>
    private sealed class ReadOnlyFolder : IDisposable
    {
        private readonly string path;
        private readonly bool mounted;

        private ReadOnlyFolder(string path, bool mounted) => (this.path, this.mounted) = (path, mounted);

        public static ReadOnlyFolder Make(string path)
        {
            if (Environment.UserName != "root" && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return new ReadOnlyFolder(path, mounted: false);
            }
            if (Run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", path) != 0)
                Assert.Ignore("cannot make a read-only folder here: not root, and mount refused");
            return new ReadOnlyFolder(path, mounted: true);
        }

        public void Dispose()
        {
            if (mounted)
                Run("umount", "-l", path);
            else if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        private static int Run(string program, params string[] arguments)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                process.WaitForExit();
                return process.ExitCode;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return -1;
            }
        }
    }
}
