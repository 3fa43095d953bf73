using Catalog.Schema.Compatibility;
using Catalog.Search;
using Lucene.Net.Search;

namespace Catalog.Tests.Search;

public sealed class SearchQueryBuilderTests
{
    private CatalogAnalyzer analyzer = null!;
    private SearchQueryBuilder builder = null!;

    [SetUp]
    public void CreateBuilder()
    {
        analyzer = new CatalogAnalyzer();
        builder = new SearchQueryBuilder(analyzer);
    }

    [TearDown]
    public void DisposeAnalyzer() => analyzer.Dispose();

    private static SearchRequest Request(string text, IReadOnlyList<int>? terms = null, IReadOnlyList<string>? statuses = null) =>
        new(text, terms ?? [], statuses ?? [], [], null, null, 0, 10);

    [TestCase("Editors", new[] { "editor" })]
    [TestCase("Éditeur CAFÉ", new[] { "editeur", "cafe" })]
    [TestCase("the plug-in for Eclipse's editor", new[] { "plug", "eclips", "editor" })]
    [TestCase("status:beta a:b", new[] { "statu", "beta", "b" })]
    [TestCase("C++ (CDT) *wild?card*", new[] { "c", "cdt", "wild", "card" })]
    public void Text_is_analysed_like_the_index(string text, string[] expected)
    {
        Assert.That(builder.Analyze(text).Select(token => token.Term), Is.EqualTo(expected));
    }

    [Test]
    public void Words_past_the_limit_are_ignored()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        Assert.That(builder.Analyze(text), Has.Count.EqualTo(SearchQueryBuilder.MaxTerms));
    }

    [Test]
    public void Every_boolean_query_stays_far_below_the_clause_limit()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"w{i}ord ")).PadRight(SearchQueryBuilder.MaxTextLength, 'x')[..SearchQueryBuilder.MaxTextLength];
        var plan = builder.Build(Request(text, terms: Enumerable.Range(1, SearchQueryBuilder.MaxFacetValues).ToList()));
        Assert.That(MaxClauses(plan.Query), Is.LessThanOrEqualTo(SearchQueryBuilder.MaxFacetValues + 2));
        Assert.That(MaxClauses(plan.Fallback!), Is.LessThanOrEqualTo(SearchQueryBuilder.MaxFacetValues + 2));
        Assert.That(MaxClauses(builder.Build(Request(text)).Query), Is.LessThanOrEqualTo(SearchQueryBuilder.MaxTerms + 2));
    }

    [Test]
    public void Too_many_facet_values_are_an_input_error()
    {
        var statuses = Enumerable.Range(0, SearchQueryBuilder.MaxFacetValues + 1).Select(i => $"s{i}").ToList();
        Assert.That(() => builder.Build(Request("", statuses: statuses)), Throws.TypeOf<SearchInputException>());
    }

    [Test]
    public void Empty_text_browses_without_a_fallback()
    {
        var plan = builder.Build(Request("  "));
        Assert.That(plan.Query, Is.TypeOf<MatchAllDocsQuery>());
        Assert.That(plan.Fallback, Is.Null);
    }

    [Test]
    public void Release_becomes_a_filter_and_os_is_ignored()
    {
        var release = ReleaseTable.Default.FindByVersion("4.7")!;
        var withOs = builder.Build(new SearchRequest("editor", [], [], [], release, "win32", 0, 10));
        var withoutOs = builder.Build(new SearchRequest("editor", [], [], [], release, null, 0, 10));
        Assert.That(withOs.Query.ToString(), Is.EqualTo(withoutOs.Query.ToString()));
        Assert.That(withOs.Query.ToString(), Does.Contain($"release:{release.Index}"));
    }

    private static int MaxClauses(Query query) => query switch
    {
        BooleanQuery boolean => Math.Max(boolean.Clauses.Count, boolean.Clauses.Select(clause => MaxClauses(clause.Query)).DefaultIfEmpty(0).Max()),
        FilteredQuery filtered => Math.Max(MaxClauses(filtered.Query), filtered.Filter is QueryWrapperFilter wrapper ? MaxClauses(wrapper.Query) : 0),
        DisjunctionMaxQuery dismax => Math.Max(dismax.Disjuncts.Count, dismax.Disjuncts.Select(MaxClauses).DefaultIfEmpty(0).Max()),
        ConstantScoreQuery constant when constant.Query is not null => MaxClauses(constant.Query),
        _ => 0,
    };
}
