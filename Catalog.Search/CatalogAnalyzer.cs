using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Catalog.Search;

/// <summary>
/// The one analyzer for indexing and for user text, so both sides agree on every token: Unicode word
/// boundaries, lower case, accents folded (<c>Éditeur</c> finds <c>editeur</c>), English stop words dropped and
/// Porter stems (<c>editors</c> finds <c>editor</c>).
/// </summary>
/// <remarks>Changing the chain changes the tokens in the index: bump <see cref="LuceneSearchIndex.FormatVersion"/>.</remarks>
internal sealed class CatalogAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly NormalizeCharMap separators = BuildSeparators();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    // Unicode word rules keep letters around a colon together ("status:beta" would be one word), which would
    // make query syntax typed by a user a token of its own; it is a separator on both sides instead.
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new MappingCharFilter(separators, reader);

    private static NormalizeCharMap BuildSeparators()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add(":", " ");
        return builder.Build();
    }
}
