using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Catalog.Tests.Support;

namespace Catalog.Tests.Wire;

/// <summary>
/// The real responses captured by the client project (read in place from ../shared/reference/mpc-captured)
/// against our mpc-rest.xsd, the facts PROTOCOL.md pins on them, and proof that the schema rejects what the
/// protocol forbids.
/// </summary>
[TestFixture]
public sealed class CapturedResponsesTests
{
    private static string CapturedDirectory => Path.GetDirectoryName(ReferenceData.Captured("any.xml"))!;

    /// <summary>
    /// Captured files that are not valid protocol, with why, and the only problems they may cause.
    /// A listed file that validates, or fails in any other way, fails its test.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, ExpectedFailure> KnownInvalid = new Dictionary<string, ExpectedFailure>
    {
        ["active.xml"] = new(
            Reason: "its wrapper <active> is no protocol element. PROTOCOL.md lists the list wrappers a server may "
                + "send (featured, recent, favorites, popular, related: \"Lists need their wrapper element even when "
                + "empty\") and has no endpoint for an \"active\" list; the client has no handler for it, so it "
                + "would read this response as an empty marketplace. It is an unused 2009 fixture of the client's "
                + "tests; a server must never answer any request with it.",
            ProblemCount: 1,
            EveryProblemMatches: new Regex(@"^line 2, column \d+: The element 'marketplace' has invalid child element 'active'\.")),
    };

    public static IEnumerable<TestCaseData> CapturedFiles() =>
        Directory.EnumerateFiles(CapturedDirectory, "*.xml")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [Test]
    public void TheCapturedFixturesArePresent()
    {
        var names = CapturedFiles().Select(c => (string)c.Arguments[0]!).ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(11), "mpc-captured/*.xml must be readable beside the repository");
        Assert.That(names, Is.SupersetOf(KnownInvalid.Keys), "every expected failure must name an existing file");
    }

    [TestCaseSource(nameof(CapturedFiles))]
    public void CapturedResponseMatchesSchema(string fileName)
    {
        var xml = File.ReadAllBytes(ReferenceData.Captured(fileName));

        if (!KnownInvalid.TryGetValue(fileName, out var expected))
        {
            MpcSchema.AssertValid(xml, "captured " + fileName);
            return;
        }

        var problems = MpcSchema.Validate(xml);
        var because = $"{fileName} is expected to be invalid, only because {expected.Reason}{Environment.NewLine}"
            + "Problems found:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems);
        Assert.That(problems, Is.Not.Empty, because);
        Assert.That(problems, Has.Count.EqualTo(expected.ProblemCount), because);
        Assert.That(problems, Is.All.Match(expected.EveryProblemMatches), because);
    }

    // ---------------------------------------------------------------- facts PROTOCOL.md pins on the fixtures

    [Test]
    public void SearchCountsSixtyTwoMatchesAndReturnsSevenNodes()
    {
        var search = Load("search.xml").Root!.Element("search")!;
        Assert.That((int)search.Attribute("count")!, Is.EqualTo(62));
        Assert.That(search.Elements("node").Count(), Is.EqualTo(7));
    }

    [Test]
    public void TaxonomyCategoryIdIsTheLiteralPair()
    {
        var categories = Load("category-taxonomy.xml").Root!.Elements("category").ToList();
        Assert.That(categories, Has.Count.EqualTo(1));
        Assert.That((string)categories[0].Attribute("id")!, Is.EqualTo("38,31"));
    }

    [Test]
    public void NodeIs1065WithEpochSecondDates()
    {
        var node = Load("node.xml").Root!.Elements("node").Single();
        Assert.That((string)node.Attribute("id")!, Is.EqualTo("1065"));
        Assert.That((long)node.Element("created")!, Is.EqualTo(1259955243L));
        Assert.That((long)node.Element("changed")!, Is.EqualTo(1259964722L));
    }

    [Test]
    public void CatalogsHoldsThreeCatalogsOneWithoutPopularTab()
    {
        var catalogs = Load("catalogs.xml").Root!.Element("catalogs")!.Elements("catalog").ToList();
        Assert.That(catalogs, Has.Count.EqualTo(3));
        var popularTabs = catalogs.Select(c => (string?)c.Element("wizard")?.Element("populartab")?.Attribute("enabled")).ToList();
        Assert.That(popularTabs.Count(enabled => enabled == "0"), Is.EqualTo(1));
    }

    // ---------------------------------------------------------------- the schema is no rubber stamp

    /// <summary>A complete node response in our own words; every negative test changes exactly one thing.</summary>
    private const string ValidNodeResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <marketplace>
          <node id="42" name="Sample Tool" url="http://localhost/content/sample-tool">
            <changed>1700000100</changed>
            <type>resource</type>
            <categories><category id="3" name="Editors" url="http://localhost/taxonomy/term/3"/></categories>
            <tags><tag id="7" name="xml" url="http://localhost/category/free-tagging/xml"/></tags>
            <owner>someone</owner>
            <shortdescription>Edits &lt;b&gt;things&lt;/b&gt;</shortdescription>
            <body><![CDATA[<p>Edits things.</p>]]></body>
            <created>1700000000</created>
            <foundationmember>1</foundationmember>
            <favorited>-1</favorited>
            <installstotal>10</installstotal>
            <installsrecent>2</installsrecent>
            <homepageurl>http://localhost/sample</homepageurl>
            <image></image>
            <version>1.0.0</version>
            <license>EPL</license>
            <companyname>Sample Inc.</companyname>
            <status>Production/Stable</status>
            <eclipseversion>4.30 and later</eclipseversion>
            <supporturl>http://</supporturl>
            <updateurl>http://localhost/updates</updateurl>
            <ius><iu required="true" selected="true">org.example.sample.feature.group</iu><iu>org.example.extra</iu></ius>
            <platforms><platform>Windows</platform><platform>Linux/GTK</platform></platforms>
            <min_java_version>17</min_java_version>
          </node>
        </marketplace>
        """;

    [Test]
    public void TheSampleNodeResponseIsValid() =>
        MpcSchema.AssertValid(Encoding.UTF8.GetBytes(ValidNodeResponse), "the baseline of the negative tests");

    [TestCase("<created>1700000000</created>", "<created>2019-01-01</created>", "'created'",
        TestName = "created as a date instead of epoch seconds")]
    [TestCase("<created>1700000000</created>", "<created>1700000000000</created>", "'created'",
        TestName = "created in epoch milliseconds")]
    [TestCase("<foundationmember>1</foundationmember>", "<foundationmember>yes</foundationmember>", "'foundationmember'",
        TestName = "foundationmember yes")]
    [TestCase("<favorited>-1</favorited>", "<favorited>-2</favorited>", "'favorited'",
        TestName = "favorited below the unknown marker")]
    [TestCase("<iu required=\"true\"", "<iu required=\"1\"", "'required'",
        TestName = "iu flag as 1 (the client reads it as false)")]
    [TestCase("<platform>Windows</platform>", "<platform>Win32</platform>", "'platform'",
        TestName = "unknown platform name")]
    [TestCase("<node id=\"42\"", "<node id=\"sample\"", "'id'",
        TestName = "node id not an integer")]
    [TestCase("<owner>someone</owner>", "<owner>someone</owner><owner>else</owner>", "'owner'",
        TestName = "a node field twice")]
    [TestCase("<owner>someone</owner>", "<maintainer>someone</maintainer>", "'maintainer'",
        TestName = "an element the protocol does not have")]
    [TestCase("<categories><category id=\"3\" name=\"Editors\" ", "<categories><category id=\"3\" ", "'name'",
        TestName = "category without name")]
    [TestCase("<marketplace>", "<marketplace-response>", "marketplace-response",
        TestName = "unknown root element")]
    public void NodeResponseWithOneMistakeIsRejected(string original, string replacement, string mentioned)
    {
        Assert.That(ValidNodeResponse, Does.Contain(original), "the mutation must apply to the baseline");
        var xml = ValidNodeResponse.Replace(original, replacement, StringComparison.Ordinal);
        if (original == "<marketplace>")
            xml = xml.Replace("</marketplace>", "</marketplace-response>", StringComparison.Ordinal);

        var problems = MpcSchema.Validate(Encoding.UTF8.GetBytes(xml));
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, problems));

        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems, Has.Some.Contains(mentioned));
    }

    [TestCase("""<marketplace><featured/></marketplace>""", "'count'", TestName = "list without count")]
    [TestCase("""<node id="1" name="n" url="http://localhost/node/1"/>""", "'node'", TestName = "bare node as root")]
    [TestCase("""<marketplace xmlns="http://marketplace.eclipse.org"/>""", "warning: ", TestName = "root in a namespace")]
    [TestCase("""<marketplace><category id="38, 31" name="c" url="http://localhost/t"/></marketplace>""", "'id'",
        TestName = "category id pair with a space")]
    [TestCase("""<marketplace><news shorttitle="News" timestamp="1363181064">http://localhost/news</news></marketplace>""",
        "'timestamp'", TestName = "news timestamp in seconds")]
    [TestCase("""<marketplace><catalogs><catalog id="1" title="t" url="http://localhost" selfContained="true"/></catalogs></marketplace>""",
        "'selfContained'", TestName = "selfContained true instead of 1")]
    [TestCase("""<marketplace><error status="200">fine</error></marketplace>""", "'status'", TestName = "error with a success status")]
    [TestCase("""<!DOCTYPE marketplace [<!ENTITY x "y">]><marketplace/>""", "DTD", TestName = "DTD is prohibited")]
    public void OtherMistakesAreRejected(string xml, string mentioned)
    {
        var problems = MpcSchema.Validate(Encoding.UTF8.GetBytes(xml));
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, problems));

        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems, Has.Some.Contains(mentioned));
    }

    [TestCase("""<marketplace/>""", TestName = "empty marketplace (node not found)")]
    [TestCase("""<marketplace><featured count="0"/></marketplace>""", TestName = "empty list")]
    [TestCase("""<marketplace><error status="404">No such node</error></marketplace>""", TestName = "error body")]
    [TestCase("""<marketplace><related count="2"/><node id="1" name="n" url="http://localhost/node/1"/></marketplace>""",
        TestName = "root children in any order")]
    public void SmallResponsesAreAccepted(string xml) =>
        MpcSchema.AssertValid(Encoding.UTF8.GetBytes(xml), xml);

    [Test]
    public void ProblemsCarryLineNumbers()
    {
        var xml = ValidNodeResponse.Replace("<created>1700000000</created>", "<created>soon</created>", StringComparison.Ordinal);
        var line = xml.Split('\n').ToList().FindIndex(l => l.Contains("<created>soon", StringComparison.Ordinal)) + 1;

        var problems = MpcSchema.Validate(Encoding.UTF8.GetBytes(xml));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith($"line {line}, column "));
    }

    [Test]
    public void AssertValidFailsListingTheProblems()
    {
        var xml = Encoding.UTF8.GetBytes("""<marketplace><featured/></marketplace>""");

        var failure = Assert.Throws<AssertionException>(() => MpcSchema.AssertValid(xml, "GET /featured/api/p"));

        Assert.That(failure!.Message, Does.Contain("GET /featured/api/p").And.Contain("line 1, column").And.Contain("'count'"));
    }

    [Test]
    public void OnlyMarketplaceIsAGlobalElementAndThereIsNoTargetNamespace()
    {
        var schema = MpcSchema.SchemaSet.Schemas().Cast<System.Xml.Schema.XmlSchema>().Single();
        Assert.That(schema.TargetNamespace, Is.Null.Or.Empty);
        Assert.That(MpcSchema.SchemaSet.GlobalElements.Names.Cast<XmlQualifiedName>().Select(n => n.ToString()),
            Is.EquivalentTo(new[] { "marketplace" }));
    }

    private static XDocument Load(string fileName)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(ReferenceData.Captured(fileName), settings);
        return XDocument.Load(reader);
    }

    private sealed record ExpectedFailure(string Reason, int ProblemCount, Regex EveryProblemMatches);
}
