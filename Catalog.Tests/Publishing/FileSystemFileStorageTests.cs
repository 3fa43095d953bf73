using System.Security.Cryptography;
using Catalog.Schema.Store;
using Catalog.Server.Publishing.Files;
using Catalog.Tests.Support;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Publishing;

/// <summary>The file-system blob store on a real temporary folder.</summary>
public sealed class FileSystemFileStorageTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("catalog-storage-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void DefaultsToFilesBesideTheDatabase()
    {
        var storage = new FileSystemFileStorage(Options.Create(new FilesOptions()),
            Options.Create(new StoreOptions { DatabasePath = Path.Combine(_folder, "db", "catalog.db") }));

        Assert.That(storage.Root, Is.EqualTo(Path.Combine(_folder, "db", "files")));
    }

    [Test]
    public async Task StoresUnderTheHashOnceAndReadsBack()
    {
        var storage = Storage();
        var sha = Sha256(TestFiles.Png);

        var first = await storage.PutAsync(sha, new MemoryStream(TestFiles.Png), CancellationToken.None);
        var second = await storage.PutAsync(sha, new MemoryStream(TestFiles.Png), CancellationToken.None);
        await using var read = await storage.OpenReadAsync(sha, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);

        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(copy.ToArray(), Is.EqualTo(TestFiles.Png));
        Assert.That(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { Path.Combine(_folder, sha[..2], sha) }));
    }

    [Test]
    public async Task RacingWritersOfTheSameBytesLeaveOneWholeBlob()
    {
        var storage = Storage();
        var bytes = TestFiles.PngOfSize(512 * 1024);
        var sha = Sha256(bytes);

        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => storage.PutAsync(sha, new MemoryStream(bytes), CancellationToken.None))));

        Assert.That(written.Count(w => w), Is.GreaterThanOrEqualTo(1));
        Assert.That(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1), "no temporary files left");
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_folder, sha[..2], sha)), Is.EqualTo(bytes));
    }

    [Test]
    public async Task BytesThatDoNotMatchTheirHashAreRefusedAndLeaveNothing()
    {
        var storage = Storage();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.PutAsync(Sha256(TestFiles.Gif), new MemoryStream(TestFiles.Png), CancellationToken.None));
        Assert.That(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [TestCase("../../etc/passwd")]
    [TestCase("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [TestCase("")]
    public void NameThatIsNotALowercaseSha256IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => Storage().PathOf(name));
    }

    [Test]
    public async Task UnknownHashReadsAsNull()
    {
        Assert.That(await Storage().OpenReadAsync(Sha256([1, 2, 3]), CancellationToken.None), Is.Null);
    }

    private FileSystemFileStorage Storage() =>
        new(Options.Create(new FilesOptions { StoragePath = _folder }), Options.Create(new StoreOptions()));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
