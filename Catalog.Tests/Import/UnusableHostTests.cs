using Catalog.Schema.Import;

namespace Catalog.Tests.Import;

public sealed class UnusableHostTests
{
    [TestCase("https://marketplace.php55.dev.docker/sites/default/files/x.png", "'.docker'")]
    [TestCase("http://intranet/icon.png", "single-label")]
    [TestCase("http://localhost:8080/icon.png", "single-label")]
    [TestCase("https://icons.test/a.png", "'.test'")]
    [TestCase("https://cdn.example/a.png", "'.example'")]
    [TestCase("https://build.corp./a.png", "'.corp'")]
    [TestCase("http://127.0.0.1/a.png", "loopback")]
    [TestCase("http://10.1.2.3/a.png", "private")]
    [TestCase("http://192.168.0.9/a.png", "private")]
    [TestCase("http://172.20.0.1/a.png", "private")]
    [TestCase("http://[::1]/a.png", "loopback")]
    [TestCase("http://[fd00::1]/a.png", "private")]
    [TestCase("ftp://example.org/a.png", "not an absolute http")]
    [TestCase("/sites/default/files/a.png", "not an absolute http")]
    public void Names_why_a_host_cannot_be_reached_from_elsewhere(string url, string reason)
    {
        Assert.That(UnusableHost.Why(url), Does.Contain(reason));
    }

    [TestCase("https://www.eclipse.org/downloads/images/x.png")]
    [TestCase("https://marketplace.eclipse.org/sites/default/files/x.png")]
    [TestCase("https://icons.example.com/a.png")]
    [TestCase("https://tools.dev/a.png")]
    [TestCase("http://172.32.0.1/a.png")]
    [TestCase("http://8.8.8.8/a.png")]
    [TestCase("https://xn--bcher-kva.example.com/a.png")]
    public void Public_hosts_look_usable(string url)
    {
        Assert.That(UnusableHost.Why(url), Is.Null);
    }
}
