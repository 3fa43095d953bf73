using Lucene.Net.Search;

namespace Catalog.Search;

/// <summary>What to run for one request: the query, the looser query to try when it finds nothing, and the order.</summary>
/// <param name="Fallback">Tolerates typos; null when the request has nothing a typo could be in.</param>
internal sealed record SearchPlan(Query Query, Query? Fallback, Sort Sort);
