using AngleSharp.Dom;
using Ganss.Xss;

namespace Catalog.Server.Pages;

/// <summary>
/// Listing descriptions are publisher HTML. Before one reaches a page it is parsed as a browser parses it
/// (HtmlSanitizer over AngleSharp's HTML5 parser) and written back holding only a small allow-list: text
/// blocks, lists, emphasis, code, quotes, h3–h6 (the page owns h1 and h2) and http(s) links that carry
/// <c>rel="nofollow noopener"</c>. Everything else goes: unknown tags keep their text, scripting and
/// embedding elements lose their content too, and no attribute but <c>href</c> survives.
/// </summary>
public sealed class DescriptionSanitizer
{
    private static readonly string[] AllowedTags =
        ["p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "code", "pre", "a", "h3", "h4", "h5", "h6", "blockquote"];

    /// <summary>Elements whose content is code, styling or another document: never shown as text either.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template",
        "noscript", "noembed", "noframes", "xmp", "textarea", "select", "title", "head", "link", "meta", "base",
    };

    private readonly HtmlSanitizer sanitizer;

    public DescriptionSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in AllowedTags)
            options.AllowedTags.Add(tag);
        options.AllowedAttributes.Add("href");
        options.UriAttributes.Add("href");
        options.AllowedSchemes.Add("http");
        options.AllowedSchemes.Add("https");
        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
                e.Tag.TextContent = "";
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
                SecureLink(link);
        };
    }

    /// <summary>Safe HTML for a page; plain text comes back escaped.</summary>
    public string Sanitize(string html) =>
        string.IsNullOrWhiteSpace(html) ? "" : sanitizer.Sanitize(html).Trim();

    /// <summary>
    /// A link without an absolute http(s) target (a relative one would point into this site) becomes its text;
    /// a kept one must not pass this page's reference or window on to the publisher's site.
    /// </summary>
    private static void SecureLink(IElement link)
    {
        var href = link.GetAttribute("href");
        if (href is null || !SafeUrl.IsHttp(href))
        {
            link.RemoveAttribute("href");
            link.Replace([.. link.ChildNodes]);
            return;
        }
        link.SetAttribute("rel", "nofollow noopener");
    }
}
