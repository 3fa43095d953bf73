using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Store;

public sealed class StoreVersionMonitorTests
{
    [Test]
    public async Task ConcurrentReadersNeverSeeTheVersionGoBackAndEndAtTheStores()
    {
        await using var app = await CatalogApplication.StartAsync();
        var monitor = app.Get<IStoreVersionSource>();
        var store = app.Get<ICatalogStore>();
        using var stop = new CancellationTokenSource();
        var wentBack = 0;

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var last = monitor.Current();
            while (!stop.IsCancellationRequested)
            {
                var now = monitor.Current();
                if (now.ChangeNumber < last.ChangeNumber || (now.ChangeNumber == last.ChangeNumber && now.LastModifiedMilliseconds < last.LastModifiedMilliseconds))
                    Interlocked.Increment(ref wentBack);
                last = now;
            }
        })).ToList();
        for (var i = 0; i < 50; i++)
            await store.RecordInstallAsync(3, CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var expected = new StoreVersion(
            await store.GetChangeNumberAsync(CancellationToken.None),
            (await store.GetLastModifiedAsync(CancellationToken.None)).ToUnixTimeMilliseconds());
        Assert.That(wentBack, Is.Zero);
        Assert.That(monitor.Current(), Is.EqualTo(expected));
    }
}
