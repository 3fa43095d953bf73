using Catalog.Server.Commands;
using Catalog.Tests.Support;

namespace Catalog.Tests.Commands;

public sealed class CommandLineTests
{
    private static IEnumerable<string> CommandNames() => CommandLine.Commands.Select(c => c.Name);

    [Test]
    public async Task Help_lists_every_registered_command_and_the_exit_codes()
    {
        var run = await CommandRun.RunAsync("help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
        foreach (var command in CommandLine.Commands)
            Assert.That(run.Out, Does.Contain(command.Synopsis));
        Assert.That(run.Out, Does.Contain("3 check found differences"));
    }

    [TestCaseSource(nameof(CommandNames))]
    public async Task Every_command_answers_help_without_doing_anything(string name)
    {
        var folder = Directory.CreateTempSubdirectory("catalog-commands-").FullName;
        try
        {
            foreach (var flag in new[] { "--help", "-h" })
            {
                var run = await CommandRun.InFolderAsync(folder, name, flag);
                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
                Assert.That(run.Out, Does.StartWith($"Usage: {CommandLine.Commands.Single(c => c.Name == name).Synopsis}"));
            }
            Assert.That((await CommandRun.RunAsync("help", name)).Out, Does.StartWith("Usage: "));
            Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty, "help created a database or an index");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Unknown_command_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync("frobnicate");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("Unknown command 'frobnicate'"));
        Assert.That((await CommandRun.RunAsync("help", "frobnicate")).ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [TestCase("import")]
    [TestCase("import", "a", "b")]
    [TestCase("seed", "a", "b")]
    [TestCase("reindex", "now")]
    [TestCase("check", "everything")]
    [TestCase("serve", "please")]
    public async Task Wrong_arguments_are_a_usage_error_that_changes_nothing(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("catalog-commands-").FullName;
        try
        {
            var run = await CommandRun.InFolderAsync(folder, args[0], args[1..]);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString);
            Assert.That(run.Error, Does.Contain($"Usage: {args[0]}"));
            Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Invalid_setting_is_a_usage_error_before_anything_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-commands-").FullName;
        try
        {
            var run = await CommandRun.InFolderAsync(folder, "seed", "--Catalog:Indexing:PollMilliseconds=1");
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString);
            Assert.That(run.Error, Does.Contain("PollMilliseconds"));
            Assert.That(File.Exists(Path.Combine(folder, "catalog.db")), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("--Catalog:Server:TrustedProxies:0=10.0.0.300", "TrustedProxies: '10.0.0.300' is not an IP address")]
    [TestCase("--Catalog:Server:PublicBaseUrl=marketplace.example.com", "PublicBaseUrl: 'marketplace.example.com' is not an absolute http or https URL")]
    [TestCase("--Catalog:Server:PublicBaseUrl=/mpc", "PublicBaseUrl: '/mpc' is not an absolute http or https URL")]
    public async Task Invalid_server_setting_is_named_before_anything_is_written(string setting, string message)
    {
        var folder = Directory.CreateTempSubdirectory("catalog-commands-").FullName;
        try
        {
            var run = await CommandRun.InFolderAsync(folder, "seed", setting);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString);
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(File.Exists(Path.Combine(folder, "catalog.db")), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Setting_given_as_key_and_value_in_two_arguments_is_a_setting_not_an_argument()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-commands-").FullName;
        try
        {
            var elsewhere = Path.Combine(folder, "elsewhere.db");
            var run = await CommandRun.InFolderAsync(folder, "seed", "--Catalog:Store:DatabasePath", elsewhere);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
            Assert.That(File.Exists(elsewhere), Is.True);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
