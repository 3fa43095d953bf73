using Catalog.Schema.Compatibility;

namespace Catalog.Tests.Compatibility;

public sealed class JavaVersionTests
{
    [TestCase("17", "java_17")]
    [TestCase("java_17", "java_17")]
    [TestCase("JAVA_8", "java_8")]
    [TestCase("1.8", "java_8")]
    [TestCase("1.6", "java_6")]
    [TestCase("11.0.2", "java_11")]
    [TestCase(" 21 ", "java_21")]
    [TestCase("java 11", "java_11")]
    public void Usual_spellings_become_the_stored_one(string written, string stored) =>
        Assert.That(JavaVersion.Canonical(written), Is.EqualTo(stored));

    [TestCase("seventeen")]
    [TestCase("")]
    [TestCase("java_")]
    [TestCase("0")]
    [TestCase("17.0.0.1")]
    [TestCase("1.8; DROP")]
    public void Anything_else_is_not_a_java_version(string written) =>
        Assert.That(JavaVersion.Canonical(written), Is.Null);

    [Test]
    public void Imported_values_that_are_not_versions_are_kept_as_they_are() =>
        Assert.That(JavaVersion.CanonicalOrAsIs("java_any"), Is.EqualTo("java_any"));
}
