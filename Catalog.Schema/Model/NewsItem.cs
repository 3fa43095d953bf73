namespace Catalog.Schema.Model;

public sealed record NewsItem(string ShortTitle, DateTimeOffset Published, string Url);
