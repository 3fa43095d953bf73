using Catalog.Schema.Store;
using Catalog.Search;

namespace Catalog.Server.Operations;

/// <summary>
/// <c>/metrics</c>: request counts and latencies from <see cref="RequestMetrics"/>, installs, and figures read at
/// scrape time (index size and lag behind the store, resident memory), so they are never stale.
/// </summary>
public static class MetricsEndpoint
{
    public static async Task<IResult> WriteMetrics(RequestMetrics requests, ICatalogStore store, LuceneSearchIndex index, CancellationToken ct)
    {
        var text = new PrometheusText();
        var series = requests.Snapshot();

        text.Family("http_server_requests_total", "counter", "HTTP requests answered, by method, route template and status.");
        foreach (var (key, histogram) in series)
            text.Sample("http_server_requests_total", histogram.Count, Labels(key));

        text.Family("http_server_request_duration_seconds", "histogram", "Time to answer an HTTP request, by method, route template and status.");
        foreach (var (key, histogram) in series)
        {
            long cumulative = 0;
            for (var i = 0; i < histogram.Counts.Length; i++)
            {
                cumulative += histogram.Counts[i];
                var bound = i < RequestMetrics.Buckets.Length ? RequestMetrics.Buckets[i] : double.PositiveInfinity;
                text.Sample("http_server_request_duration_seconds_bucket", cumulative, [.. Labels(key), ("le", PrometheusText.Format(bound))]);
            }
            text.Sample("http_server_request_duration_seconds_sum", histogram.Sum, Labels(key));
            text.Sample("http_server_request_duration_seconds_count", cumulative, Labels(key));
        }

        text.Family("catalog_installs_total", "counter", "Successful installs reported by clients since the server started.");
        text.Sample("catalog_installs_total", requests.Installs);

        var statistics = index.GetStatistics();
        var storeChange = await store.GetChangeNumberAsync(ct);
        text.Family("catalog_index_documents", "gauge", "Listings in the search index.");
        text.Sample("catalog_index_documents", statistics.Documents);
        text.Family("catalog_index_size_bytes", "gauge", "Size of the search index folder on disk.");
        text.Sample("catalog_index_size_bytes", statistics.SizeBytes);
        text.Family("catalog_store_change_number", "gauge", "Latest change number in the store's change log.");
        text.Sample("catalog_store_change_number", storeChange);
        text.Family("catalog_index_change_number", "gauge", "Store change number the search index reflects.");
        text.Sample("catalog_index_change_number", statistics.ChangeNumber);
        text.Family("catalog_index_lag", "gauge", "Store change number minus the index's: changes not yet searchable.");
        text.Sample("catalog_index_lag", storeChange - statistics.ChangeNumber);

        text.Family("process_resident_memory_bytes", "gauge", "Resident memory of the server process.");
        text.Sample("process_resident_memory_bytes", Environment.WorkingSet);

        return Results.Text(text.ToString(), PrometheusText.ContentType);
    }

    private static (string, string)[] Labels(RequestSeries key) => [("method", key.Method), ("route", key.Route), ("status", key.Status)];
}
