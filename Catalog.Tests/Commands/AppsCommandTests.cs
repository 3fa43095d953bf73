using Catalog.Server.Commands;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Catalog.Tests.Commands;

public sealed class AppsCommandTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("catalog-apps-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Creates_lists_and_revokes_a_publisher_key_whose_secret_is_printed_once()
    {
        var created = await CommandRun.InFolderAsync(folder, "apps", "create", "--publisher", "Acme Tools");

        Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.ToString);
        var values = created.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
        Assert.That(values["app_secret"], Has.Length.GreaterThan(20));
        Assert.That(values["publisher_id"], Does.Match(@"^\d+$"));
        Assert.That(created.Error, Does.Contain("Created publisher").And.Contain("Acme Tools"));

        var listed = await CommandRun.InFolderAsync(folder, "apps", "list");
        Assert.That(listed.ExitCode, Is.EqualTo(ExitCodes.Ok), listed.ToString);
        Assert.That(listed.Out, Does.Contain(values["app_id"]).And.Not.Contain(values["app_secret"]));

        var revoked = await CommandRun.InFolderAsync(folder, "apps", "revoke", values["app_id"]);
        Assert.That(revoked.ExitCode, Is.EqualTo(ExitCodes.Ok), revoked.ToString);
        var again = await CommandRun.InFolderAsync(folder, "apps", "revoke", values["app_id"]);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Failed), again.ToString);
    }

    [Test]
    public async Task Creates_an_operator_key_without_a_publisher()
    {
        var created = await CommandRun.InFolderAsync(folder, "apps", "create", "--operator");

        Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.ToString);
        Assert.That(created.Out, Does.Contain("publisher_id=\n").Or.Contain("publisher_id=\r\n").Or.EndWith("publisher_id=\n"));
        Assert.That(created.Error, Does.Contain("Operator key created"));
    }

    [TestCase("apps")]
    [TestCase("apps", "create")]
    [TestCase("apps", "create", "--operator", "--publisher", "7")]
    [TestCase("apps", "revoke")]
    [TestCase("apps", "list", "extra")]
    [TestCase("apps", "delete")]
    public async Task Refuses_wrong_usage_with_exit_code_2(params string[] args)
    {
        var run = await CommandRun.InFolderAsync(folder, args[0], args[1..]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString);
        Assert.That(run.Error, Does.Contain("Usage: apps"));
    }

    [Test]
    public async Task Refuses_an_unknown_publisher_number()
    {
        var run = await CommandRun.InFolderAsync(folder, "apps", "create", "--publisher", "999");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.Contain("No publisher 999"));
    }

    [Test]
    public async Task Help_describes_every_verb()
    {
        var run = await CommandRun.RunAsync("apps", "--help");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Out, Does.Contain("apps create --operator").And.Contain("apps revoke APP_ID").And.Contain("apps list"));
    }
}
