using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search;

/// <summary>
/// Turns a <see cref="SearchRequest"/> into Lucene queries. User text is only ever data: it is run through the
/// index's analyzer, so quotes, colons, wildcards and operators are separators or plain words and can neither
/// name a field nor expand without bound (NuGet's query builders take the same stance).
/// </summary>
/// <remarks>
/// Relevance: every word must match in some field (people narrow a search by typing more words); per word the
/// best field counts (name over short description over tags, owner and body), plus a large boost when the
/// whole text is the listing's name and a smaller one when the words appear in the name as a phrase. Equal
/// scores go to the listing with more installs, then more favorites. When that finds nothing, the same query
/// is retried with typo-tolerant and prefix matching on the short fields.
/// </remarks>
internal sealed class SearchQueryBuilder
{
    public const int MaxTextLength = 1_000;

    /// <summary>Words past this are ignored; it also keeps every BooleanQuery far below its 1,024 clause limit.</summary>
    public const int MaxTerms = 32;

    /// <summary>Per facet kind; the protocol's filters parameter cannot carry more than a few hundred anyway.</summary>
    public const int MaxFacetValues = 256;

    private const float NameBoost = 10f;
    private const float ShortDescriptionBoost = 4f;
    private const float TagsBoost = 2f;
    private const float OwnerBoost = 1.5f;
    private const float BodyBoost = 1f;
    private const float ExactNameBoost = 50f;
    private const float NamePhraseBoost = 8f;

    /// <summary>
    /// A word scores by its best field only: extra mentions in the description must not lift a listing over an
    /// equally good name match that more people use.
    /// </summary>
    private const float FieldTieBreaker = 0f;

    // Typo tolerance, bounded so a hostile word cannot expand into thousands of terms.
    private const int FuzzyMinLength = 3;
    private const int FuzzyTwoEditsMinLength = 5;
    private const int FuzzyMaxLength = 64;
    private const int FuzzyPrefixLength = 1;
    private const int MaxExpansions = 50;
    private const float FuzzyBoostFactor = 0.5f;

    private readonly Analyzer analyzer;
    private readonly AutomataCache automata = new();
    private readonly Sort relevance;
    private readonly Sort popularity;

    public SearchQueryBuilder(Analyzer analyzer)
    {
        this.analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        var installs = new SortField(SearchFields.Installs, SortFieldType.INT64, reverse: true);
        var favorites = new SortField(SearchFields.Favorites, SortFieldType.INT64, reverse: true);
        // The id last makes equal listings come in a stable order, so pages never overlap.
        var id = new SortField(SearchFields.IdOrder, SortFieldType.INT64);
        relevance = new Sort(SortField.FIELD_SCORE, installs, favorites, id);
        popularity = new Sort(installs, favorites, id);
    }

    /// <exception cref="SearchInputException">The text or a facet list is longer than a search accepts.</exception>
    public SearchPlan Build(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text ?? "";
        if (text.Length > MaxTextLength)
            throw new SearchInputException($"Search text is limited to {MaxTextLength} characters.");
        var facets = Facets(request);

        if (string.IsNullOrWhiteSpace(text))
            return new SearchPlan(facets is null ? new MatchAllDocsQuery() : new ConstantScoreQuery(facets), null, popularity);

        var tokens = Analyze(text);
        if (tokens.Count == 0)
        {
            // Only stop words or punctuation ("*", "AND"): nothing to look for in the text fields, but a listing
            // may still be called exactly that.
            var nameKey = NameKey.Of(text);
            Query nothingOrName = nameKey.Length == 0 ? new BooleanQuery() : ExactName(nameKey);
            return new SearchPlan(Filtered(nothingOrName, facets), null, relevance);
        }

        var strict = Filtered(Text(text, tokens, tolerant: false), facets);
        Query? fallback = tokens.Any(token => token.Term.Length >= FuzzyMinLength)
            ? Filtered(Text(text, tokens, tolerant: true, automata), facets)
            : null;
        return new SearchPlan(strict, fallback, relevance);
    }

    internal IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(SearchFields.Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (tokens.Count < MaxTerms && stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position));
        }
        stream.End();
        return tokens;
    }

    private static Query Filtered(Query query, Query? facets) =>
        facets is null ? query : new FilteredQuery(query, new QueryWrapperFilter(facets));

    private static BooleanQuery Text(string text, IReadOnlyList<AnalyzedToken> tokens, bool tolerant, AutomataCache? automata = null)
    {
        // Coord would scale scores by how many optional boosts matched, which double-counts them.
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in tokens.Select(token => token.Term).Distinct(StringComparer.Ordinal))
            query.Add(Word(term, tolerant, automata), Occur.MUST);

        var nameKey = NameKey.Of(text);
        if (nameKey.Length > 0)
            query.Add(ExactName(nameKey), Occur.SHOULD);

        if (tokens.Count > 1)
        {
            var phrase = new PhraseQuery { Boost = NamePhraseBoost };
            foreach (var token in tokens)
                phrase.Add(new Term(SearchFields.Name, token.Term), token.Position);
            query.Add(phrase, Occur.SHOULD);
        }
        return query;
    }

    private static TermQuery ExactName(string nameKey) =>
        new(new Term(SearchFields.NameExact, nameKey)) { Boost = ExactNameBoost };

    /// <summary>One word, matched in whichever field it fits best.</summary>
    private static DisjunctionMaxQuery Word(string term, bool tolerant, AutomataCache? automata)
    {
        var word = new DisjunctionMaxQuery(FieldTieBreaker)
        {
            Exact(SearchFields.Name, term, NameBoost),
            Exact(SearchFields.ShortDescription, term, ShortDescriptionBoost),
            Exact(SearchFields.Tags, term, TagsBoost),
            Exact(SearchFields.Owner, term, OwnerBoost),
            Exact(SearchFields.Body, term, BodyBoost),
        };
        if (tolerant && automata is not null && term.Length is >= FuzzyMinLength and <= FuzzyMaxLength)
        {
            var maxEdits = term.Length >= FuzzyTwoEditsMinLength ? 2 : 1;
            word.Add(Fuzzy(SearchFields.Name, term, maxEdits, NameBoost, automata));
            word.Add(Fuzzy(SearchFields.ShortDescription, term, maxEdits, ShortDescriptionBoost, automata));
            word.Add(Fuzzy(SearchFields.Tags, term, maxEdits, TagsBoost, automata));
            // A partly typed name ("sonar" for SonarLint) is no typo but deserves the same second chance.
            word.Add(new PrefixQuery(new Term(SearchFields.Name, term))
            {
                MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions),
                Boost = NameBoost * FuzzyBoostFactor,
            });
        }
        return word;
    }

    private static TermQuery Exact(string field, string term, float boost) =>
        new(new Term(field, term)) { Boost = boost };

    private static FuzzyQuery Fuzzy(string field, string term, int maxEdits, float boost, AutomataCache automata) =>
        new CachedAutomataFuzzyQuery(new Term(field, term), maxEdits, FuzzyPrefixLength, MaxExpansions, transpositions: true, automata)
        {
            Boost = boost * FuzzyBoostFactor,
        };

    /// <summary>
    /// Facets filter without scoring: all <c>tid</c>s, any of the statuses, any of the licenses, and the client's
    /// release. Os is deliberately absent: it picks a version, it never hides a listing (PROTOCOL.md).
    /// </summary>
    private static BooleanQuery? Facets(SearchRequest request)
    {
        var facets = new BooleanQuery();
        foreach (var term in Limited(request.Terms, "tid").Distinct())
            facets.Add(new TermQuery(new Term(SearchFields.Term, ListingDocument.IdText(term))), Occur.MUST);

        AddAnyOf(facets, SearchFields.Status, Limited(request.Statuses, "status"));
        AddAnyOf(facets, SearchFields.License, Limited(request.Licenses, "license"));

        if (request.Release is { } release)
            facets.Add(new TermQuery(new Term(SearchFields.Release, release.Index.ToString(CultureInfo.InvariantCulture))), Occur.MUST);

        return facets.Clauses.Count == 0 ? null : facets;
    }

    private static void AddAnyOf(BooleanQuery facets, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        facets.Add(any, Occur.MUST);
    }

    private static IReadOnlyList<T> Limited<T>(IReadOnlyList<T>? values, string kind)
    {
        values ??= [];
        return values.Count <= MaxFacetValues
            ? values
            : throw new SearchInputException($"A search takes at most {MaxFacetValues} {kind} filters.");
    }
}
