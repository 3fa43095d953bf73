using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Catalog.Search;

/// <summary>
/// A <see cref="FuzzyQuery"/> whose Levenshtein automata are built once per word and kept, instead of once per
/// query and field. They depend on the word, edit distance, prefix and transpositions only, and building them
/// (determinising, converting to UTF-8) was over half the time of a search that fell back to typo tolerance.
/// </summary>
/// <remarks>
/// Lucene shares automata between the segments of one query through the attribute source it hands to
/// <see cref="GetTermsEnum(Terms, AttributeSource)"/>; this query fills that attribute from the cache before
/// the terms enum is made, and harvests what the enum built when the word was new. Compiled automata are
/// read-only once built, so many searches may run them at once (as AutomatonQuery does).
/// </remarks>
internal sealed class CachedAutomataFuzzyQuery(Term term, int maxEdits, int prefixLength, int maxExpansions, bool transpositions, AutomataCache cache)
    : FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        var automata = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
        var key = new AutomataKey(Term.Text, MaxEdits, PrefixLength, Transpositions);
        CompiledAutomaton[]? cached = null;
        var known = automata.Count == 0 && cache.TryGet(key, out cached);
        if (known)
        {
            foreach (var automaton in cached!)
                automata.Add(automaton);
        }
        var termsEnum = base.GetTermsEnum(terms, atts);
        if (!known && automata.Count > 0)
            cache.Add(key, [.. automata]);
        return termsEnum;
    }
}

internal readonly record struct AutomataKey(string Word, int MaxEdits, int PrefixLength, bool Transpositions);

/// <summary>A bounded store of compiled automata by word; emptied when full, as words come and go.</summary>
internal sealed class AutomataCache(int capacity = 4096)
{
    private readonly ConcurrentDictionary<AutomataKey, CompiledAutomaton[]> byWord = new();

    public bool TryGet(AutomataKey key, out CompiledAutomaton[]? automata) => byWord.TryGetValue(key, out automata);

    public void Add(AutomataKey key, CompiledAutomaton[] automata)
    {
        if (byWord.Count >= capacity)
            byWord.Clear();
        byWord.TryAdd(key, automata);
    }
}
