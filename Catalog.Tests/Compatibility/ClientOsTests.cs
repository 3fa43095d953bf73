using Catalog.Schema.Compatibility;

namespace Catalog.Tests.Compatibility;

public class ClientOsTests
{
    [TestCase("linux", "Linux/GTK")]
    [TestCase("win32", "Windows")]
    [TestCase("macosx", "Mac")]
    [TestCase("Linux", "Linux/GTK")]
    [TestCase("WIN32", "Windows")]
    [TestCase(" macosx ", "Mac")]
    public void MapsTheClientOsToThePlatformName(string os, string expected)
    {
        Assert.That(ClientOs.ToPlatform(os), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("solaris")]
    [TestCase("aix")]
    [TestCase("win")]
    [TestCase("mac")]
    [TestCase("Linux/GTK")]
    [TestCase("linux; rm -rf /")]
    public void UnknownOsHasNoPlatform(string? os)
    {
        Assert.That(ClientOs.ToPlatform(os), Is.Null);
    }
}
