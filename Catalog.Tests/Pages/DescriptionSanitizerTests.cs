using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Catalog.Server.Pages;

namespace Catalog.Tests.Pages;

/// <summary>Publisher HTML reaches a page only as the allow-listed subset, whatever tricks it tries.</summary>
public sealed class DescriptionSanitizerTests
{
    private static readonly HashSet<string> AllowedTags =
        ["p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "code", "pre", "a", "h3", "h4", "h5", "h6", "blockquote"];

    private readonly DescriptionSanitizer sanitizer = new();

    /// <summary>Hostile input, and a word that must not survive in the output's markup or text.</summary>
    public static IEnumerable<TestCaseData> HostileInputs()
    {
        yield return Case("script", "<script>alert('x')</script>ok", "alert");
        yield return Case("script upper case", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok", "evil");
        yield return Case("script split by a script", "<scr<script>ipt>alert(1)</scr</script>ipt>", "<script");
        yield return Case("img onerror", "<img src=x onerror=alert(1)>", "onerror");
        yield return Case("onerror without quotes on allowed tag", "<p onclick=alert(1)>text</p>", "onclick");
        yield return Case("javascript href", "<a href=\"javascript:alert(1)\">x</a>", "javascript");
        yield return Case("javascript href mixed case and space", "<a href=\" JaVaScRiPt:alert(1)\">x</a>", "javascript");
        yield return Case("javascript href with entities", "<a href=\"&#106;&#97;vascript:alert(1)\">x</a>", "alert");
        yield return Case("javascript href with hex entity and tab", "<a href=\"java&#x09;script:alert(1)\">x</a>", "alert");
        yield return Case("javascript href without semicolons", "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>", "alert");
        yield return Case("vbscript href", "<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript");
        yield return Case("data href", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "data:");
        yield return Case("relative href", "<a href=\"/admin\">x</a>", "href");
        yield return Case("protocol-relative href", "<a href=\"//evil.example/\">x</a>", "evil");
        yield return Case("entity-encoded tags stay text", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script");
        yield return Case("double-encoded entity", "&amp;lt;script&amp;gt;", "<script");
        yield return Case("unclosed tags", "<p><b>bold <i>italic <a href=\"https://example.com\">link", "<script");
        yield return Case("unclosed script", "<p>ok</p><script>alert(1)", "alert");
        yield return Case("unclosed attribute", "<p title=\"x>ok</p><img src=x onerror=alert(1)>", "onerror");
        yield return Case("style element", "<style>body{background:url(javascript:alert(1))}</style>ok", "javascript");
        yield return Case("style attribute", "<p style=\"background:url(javascript:alert(1))\">ok</p>", "style");
        yield return Case("iframe", "<iframe src=\"javascript:alert(1)\"></iframe>ok", "iframe");
        yield return Case("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>ok", "alert");
        yield return Case("svg onload", "<svg onload=alert(1)><circle r=1></circle></svg>ok", "onload");
        yield return Case("svg script", "<svg><script>alert(1)</script></svg>ok", "alert");
        yield return Case("svg animate", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></animate></svg>", "onbegin");
        yield return Case("math mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", "onerror");
        yield return Case("noscript mXSS", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>", "onerror");
        yield return Case("template", "<template><img src=x onerror=alert(1)></template>ok", "onerror");
        yield return Case("object", "<object data=\"javascript:alert(1)\"></object>ok", "object");
        yield return Case("embed", "<embed src=\"javascript:alert(1)\">ok", "embed");
        yield return Case("form", "<form action=\"javascript:alert(1)\"><button>go</button></form>", "form");
        yield return Case("base", "<base href=\"javascript:alert(1)//\">ok", "base");
        yield return Case("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">ok", "refresh");
        yield return Case("details ontoggle", "<details open ontoggle=alert(1)><summary>s</summary></details>", "ontoggle");
        yield return Case("body onload", "<body onload=alert(1)>ok</body>", "onload");
        yield return Case("comment hiding a script", "<!--<script>alert(1)</script>-->ok", "alert");
        yield return Case("conditional comment", "<!--[if IE]><script>alert(1)</script><![endif]-->ok", "alert");
        yield return Case("CDATA in HTML", "<![CDATA[<script>alert(1)</script>]]>ok", "<script");
        yield return Case("null byte in tag", "<scr\0ipt>alert(1)</scr\0ipt>", "<scr");
        yield return Case("target blank and id", "<a href=\"https://example.com\" target=\"_blank\" id=\"main\">x</a>", "target");
        yield return Case("class and id on allowed tags", "<p class=\"skip-link\" id=\"search-text\">x</p>", "search-text");
        yield return Case("h1 and h2 belong to the page", "<h1>Big</h1><h2>Bigger</h2>", "<h1");
        yield return Case("xmp plaintext", "<xmp><img src=x onerror=alert(1)></xmp>", "onerror");
        yield return Case("textarea breakout", "<textarea></textarea><img src=x onerror=alert(1)></textarea>", "onerror");
        yield return Case("srcset", "<img srcset=\"javascript:alert(1)\">ok", "srcset");
    }

    private static TestCaseData Case(string name, string html, string forbidden) =>
        new TestCaseData(html, forbidden).SetArgDisplayNames(name);

    [TestCaseSource(nameof(HostileInputs))]
    public void KeepsOnlyTheAllowListAndDropsTheAttack(string html, string forbidden)
    {
        var clean = sanitizer.Sanitize(html);

        AssertOnlyAllowed(clean);
        Assert.That(clean, Does.Not.Contain(forbidden).IgnoreCase);
    }

    [TestCaseSource(nameof(HostileInputs))]
    public void SanitisingTwiceChangesNothing(string html, string forbidden)
    {
        var once = sanitizer.Sanitize(html);

        Assert.That(sanitizer.Sanitize(once), Is.EqualTo(once));
    }

    [Test]
    public void KeepsTheAllowedSubsetAsWritten()
    {
        const string html = "<h3>Features</h3><p>One <strong>two</strong> <em>three</em> <b>b</b> <i>i</i><br><code>x &lt; y</code></p>" +
                            "<ul><li>a</li></ul><ol><li>b</li></ol><pre>  indented</pre><blockquote>quote</blockquote><h6>small</h6>";

        Assert.That(sanitizer.Sanitize(html), Is.EqualTo(html));
    }

    [Test]
    public void HttpLinksGetNofollowNoopener()
    {
        var clean = sanitizer.Sanitize("<a href=\"https://example.com/docs?a=1&amp;b=2\">docs</a> <a href=\"http://example.org\">org</a>");

        Assert.That(clean, Is.EqualTo("<a href=\"https://example.com/docs?a=1&amp;b=2\" rel=\"nofollow noopener\">docs</a> " +
                                      "<a href=\"http://example.org\" rel=\"nofollow noopener\">org</a>"));
    }

    [Test]
    public void UnsafeLinksBecomeTheirText()
    {
        Assert.That(sanitizer.Sanitize("<p>see <a href=\"javascript:alert(1)\">the <b>guide</b></a></p>"), Is.EqualTo("<p>see the <b>guide</b></p>"));
    }

    [Test]
    public void UnknownTagsKeepTheirTextButScriptsDoNot()
    {
        Assert.That(sanitizer.Sanitize("<div><span>kept</span> <font color=red>text</font></div><script>dropped()</script><style>p{}</style>"),
            Is.EqualTo("kept text"));
    }

    [Test]
    public void PlainTextIsEscaped()
    {
        Assert.That(sanitizer.Sanitize("a < b & c > d \"quoted\""), Is.EqualTo("a &lt; b &amp; c &gt; d \"quoted\""));
    }

    [Test]
    public void EmptyBodyIsEmpty()
    {
        Assert.That(sanitizer.Sanitize(""), Is.Empty);
        Assert.That(sanitizer.Sanitize("   "), Is.Empty);
    }

    /// <summary>Reads the output as a browser does and checks every element and attribute against the allow-list.</summary>
    private static void AssertOnlyAllowed(string clean)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body><div id=root>" + clean + "</div></body></html>");
        var root = document.GetElementById("root")!;
        foreach (var element in root.Descendants<IElement>())
        {
            Assert.That(AllowedTags, Does.Contain(element.LocalName), clean);
            Assert.That(element.NamespaceUri, Is.EqualTo("http://www.w3.org/1999/xhtml"), clean);
            foreach (var attribute in element.Attributes)
            {
                if (element.LocalName == "a" && attribute.Name == "href")
                    Assert.That(attribute.Value, Does.StartWith("http://").Or.StartWith("https://"), clean);
                else if (element.LocalName == "a" && attribute.Name == "rel")
                    Assert.That(attribute.Value, Is.EqualTo("nofollow noopener"), clean);
                else
                    Assert.Fail($"attribute {attribute.Name} on {element.LocalName} survived: {clean}");
            }
        }
    }
}
