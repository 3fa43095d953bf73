using System.Globalization;
using System.Text;
using System.Xml;
using Catalog.Schema.Model;
using Catalog.Schema.Store;

namespace Catalog.Schema.Wire;

/// <summary>
/// Writes one protocol response: UTF-8 without a byte-order mark, the declaration first, root
/// <c>&lt;marketplace&gt;</c>, epoch-second dates, <c>1</c>/<c>0</c> booleans, all text cleaned of
/// characters XML cannot carry. Element names and meanings follow PROTOCOL.md and mpc-rest.xsd.
/// </summary>
public sealed class MarketplaceDocument : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
    };

    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _xml;
    private readonly WireLinks _links;
    private readonly IReadOnlyDictionary<int, Category> _categories;

    public MarketplaceDocument(WireLinks links, IReadOnlyDictionary<int, Category>? categories = null)
    {
        _links = links;
        _categories = categories ?? new Dictionary<int, Category>();
        _xml = XmlWriter.Create(_buffer, Settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement("marketplace");
    }

    public byte[] ToArray()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        return _buffer.ToArray();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _buffer.Dispose();
    }

    public MarketplaceDocument Catalogs(IReadOnlyList<CatalogEntry> catalogs)
    {
        _xml.WriteStartElement("catalogs");
        foreach (var catalog in catalogs)
        {
            _xml.WriteStartElement("catalog");
            Attr("id", catalog.Id);
            Attr("title", catalog.Title);
            Attr("url", catalog.Url.Length == 0 ? _links.BaseUrl : catalog.Url);
            Attr("selfContained", catalog.SelfContained);
            if (catalog.Icon.Length > 0)
                Attr("icon", _links.Absolute(catalog.Icon));
            Element("description", catalog.Description);
            if (catalog.DependenciesRepository.Length > 0)
                Element("dependenciesRepository", catalog.DependenciesRepository);
            if (catalog.News is { } news)
                News(news);
            _xml.WriteStartElement("wizard");
            Attr("title", catalog.WizardTitle.Length > 0 ? catalog.WizardTitle : catalog.Title);
            if (catalog.WizardIcon.Length > 0)
                Element("icon", _links.Absolute(catalog.WizardIcon));
            // The client's branding parser keeps capturing text after <featuredmarkettab>, gluing the next tab's
            // label to the featured one's, so the featured tab goes last whatever order the catalog stores.
            foreach (var tab in catalog.Tabs.OrderBy(t => t.Kind == "featuredmarket" ? 1 : 0))
            {
                _xml.WriteStartElement(tab.Kind + "tab");
                Attr("enabled", tab.Enabled);
                _xml.WriteString(XmlText.Clean(tab.Label));
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        return this;
    }

    /// <summary><c>/api/p</c>: each market with its categories and their listing counts.</summary>
    public MarketplaceDocument Markets(IReadOnlyList<Market> markets, IReadOnlyList<Category> categories, IReadOnlyList<CategoryCount> counts)
    {
        foreach (var market in markets)
        {
            _xml.WriteStartElement("market");
            Attr("id", market.Id);
            Attr("name", market.Name);
            Attr("url", _links.Market(market));
            foreach (var (category, count) in MarketCategories.Of(market, categories, counts))
            {
                _xml.WriteStartElement("category");
                Attr("id", category.Id);
                Attr("name", category.Name);
                Attr("url", _links.CategoryInMarket(category.Id, market.Id));
                Attr("count", count);
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        return this;
    }

    /// <summary>A category, taxonomy or tag result: exactly one <c>category</c> holding the nodes.</summary>
    public MarketplaceDocument CategoryResult(string id, string name, string url, int count, IEnumerable<NodeView> nodes)
    {
        _xml.WriteStartElement("category");
        Attr("id", id);
        Attr("name", name);
        Attr("url", url);
        Attr("count", count);
        foreach (var node in nodes)
            Node(node);
        _xml.WriteEndElement();
        return this;
    }

    /// <summary>
    /// featured, recent, favorites, popular, related: the wrapper is written even when empty. Its count is the
    /// number of nodes in the answer, as the real server sends it: a larger one makes the client add a
    /// "N matches. Browse for more solutions." entry to the tab.
    /// </summary>
    public MarketplaceDocument NodeList(string element, IReadOnlyList<NodeView> nodes)
    {
        _xml.WriteStartElement(element);
        Attr("count", nodes.Count);
        foreach (var node in nodes)
            Node(node);
        _xml.WriteEndElement();
        return this;
    }

    /// <summary><see cref="Search(string, string, int, IEnumerable{NodeView})"/> from nodes prepared by <see cref="NodeFragment"/> at depth 2.</summary>
    public MarketplaceDocument Search(string term, string url, int count, IReadOnlyList<byte[]> nodes)
    {
        _xml.WriteStartElement("search");
        Attr("count", count);
        Attr("term", term);
        Attr("url", url);
        RawNodes(nodes, depth: 2);
        _xml.WriteEndElement();
        return this;
    }

    public MarketplaceDocument Search(string term, string url, int count, IEnumerable<NodeView> nodes)
    {
        _xml.WriteStartElement("search");
        Attr("count", count);
        Attr("term", term);
        Attr("url", url);
        foreach (var node in nodes)
            Node(node);
        _xml.WriteEndElement();
        return this;
    }

    public MarketplaceDocument NewsItems(IEnumerable<NewsItem> items)
    {
        foreach (var item in items)
            News(item);
        return this;
    }

    /// <summary>Our error body; the client acts on the status code, people read the message.</summary>
    public MarketplaceDocument Error(int status, string message)
    {
        _xml.WriteStartElement("error");
        Attr("status", status);
        _xml.WriteString(XmlText.Clean(message));
        _xml.WriteEndElement();
        return this;
    }

    public MarketplaceDocument Node(NodeView view)
    {
        var listing = view.Listing;
        var version = view.Version;
        _xml.WriteStartElement("node");
        Attr("id", listing.Id);
        Attr("name", listing.Name);
        Attr("url", _links.Node(listing));
        Element("type", listing.Type);

        _xml.WriteStartElement("categories");
        foreach (var categoryId in listing.CategoryIds)
        {
            if (!_categories.TryGetValue(categoryId, out var category))
                continue;
            _xml.WriteStartElement("category");
            Attr("id", category.Id);
            Attr("name", category.Name);
            Attr("url", _links.Category(category.Id));
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();

        _xml.WriteStartElement("tags");
        foreach (var tag in listing.Tags)
        {
            _xml.WriteStartElement("tag");
            Attr("id", tag.Id);
            Attr("name", tag.Name);
            Attr("url", _links.Tag(tag.Name));
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();

        OptionalElement("owner", listing.Owner);
        OptionalElement("shortdescription", listing.ShortDescription);
        OptionalElement("body", listing.Body);
        Element("created", listing.Created.ToUnixTimeSeconds());
        Element("changed", listing.Changed.ToUnixTimeSeconds());
        Element("foundationmember", listing.FoundationMember ? "1" : "0");
        Element("favorited", listing.Favorites);
        Element("installstotal", listing.InstallsTotal);
        Element("installsrecent", listing.InstallsRecent);
        OptionalElement("homepageurl", listing.HomepageUrl);
        OptionalElement("image", _links.Absolute(listing.ImageUrl));
        OptionalElement("screenshot", _links.Absolute(listing.ScreenshotUrl));
        OptionalElement("version", version?.Version ?? "");
        OptionalElement("license", listing.License);
        OptionalElement("companyname", listing.CompanyName);
        OptionalElement("status", listing.Status);
        OptionalElement("eclipseversion", string.Join(", ", version?.Releases ?? AllReleases(listing)));
        OptionalElement("supporturl", listing.SupportUrl);
        if (version is not null)
        {
            OptionalElement("updateurl", version.UpdateSiteUrl);
            _xml.WriteStartElement("ius");
            foreach (var feature in version.Features)
            {
                _xml.WriteStartElement("iu");
                Attr("optional", feature.Required ? "false" : "true");
                Attr("required", feature.Required ? "true" : "false");
                Attr("selected", feature.Required || feature.Selected ? "true" : "false");
                _xml.WriteString(XmlText.Clean(feature.Id));
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        var platforms = version?.Platforms ?? listing.Versions.SelectMany(v => v.Platforms).Distinct().ToList();
        _xml.WriteStartElement("platforms");
        foreach (var platform in platforms)
            Element("platform", platform);
        _xml.WriteEndElement();
        OptionalElement("min_java_version", version?.MinJavaVersion ?? "");
        _xml.WriteEndElement();
        return this;
    }

    /// <summary>
    /// One <c>node</c> element as UTF-8 bytes, exactly as a document would write it nested
    /// <paramref name="depth"/> levels below <c>marketplace</c> (1 for node answers, 2 inside a list or search),
    /// so that prepared nodes compose into documents byte for byte equal to ones written whole.
    /// </summary>
    public static byte[] NodeFragment(NodeView view, WireLinks links, IReadOnlyDictionary<int, Category>? categories, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        using var document = new MarketplaceDocument(links, categories);
        for (var level = 1; level < depth; level++)
            document._xml.WriteStartElement("nesting");
        document.Node(view);
        var bytes = document.ToArray();
        // Text and attribute values are escaped, so the only "<node" and "</node>" are the element's own.
        var start = bytes.AsSpan().IndexOf("<node"u8);
        var end = bytes.AsSpan().LastIndexOf("</node>"u8) + "</node>".Length;
        return bytes[start..end];
    }

    /// <summary>Writes prepared nodes as children of the open element, indented as the writer would.</summary>
    private void RawNodes(IReadOnlyList<byte[]> nodes, int depth)
    {
        if (nodes.Count == 0)
            return; // the writer closes an empty element as "<search ... />" itself
        // Closes the open start tag, then hands the buffer over; raw content turns the writer's own
        // indentation off inside this element, so the newlines are written here.
        _xml.WriteRaw("");
        _xml.Flush();
        var indent = Encoding.ASCII.GetBytes("\n" + new string(' ', depth * Settings.IndentChars.Length));
        foreach (var node in nodes)
        {
            _buffer.Write(indent);
            _buffer.Write(node);
        }
        _xml.WriteRaw("\n" + new string(' ', (depth - 1) * Settings.IndentChars.Length));
    }

    private static IEnumerable<string> AllReleases(Listing listing) =>
        listing.Versions.SelectMany(v => v.Releases).Distinct();

    private void News(NewsItem item)
    {
        _xml.WriteStartElement("news");
        Attr("shorttitle", item.ShortTitle);
        Attr("timestamp", item.Published.ToUnixTimeMilliseconds());
        _xml.WriteString(XmlText.Clean(_links.Absolute(item.Url)));
        _xml.WriteEndElement();
    }

    private void Attr(string name, string value) => _xml.WriteAttributeString(name, XmlText.Clean(value));

    private void Attr(string name, long value) => _xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));

    private void Attr(string name, bool value) => _xml.WriteAttributeString(name, value ? "1" : "0");

    private void Element(string name, string value) => _xml.WriteElementString(name, XmlText.Clean(value));

    private void Element(string name, long value) => _xml.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    private void OptionalElement(string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
            Element(name, value);
    }
}
