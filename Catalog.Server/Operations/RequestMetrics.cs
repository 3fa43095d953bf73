using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Catalog.Server.Operations;

/// <summary>
/// Aggregates, for <c>/metrics</c>, the measurements of this host's meters: ASP.NET Core's own
/// <c>http.server.request.duration</c> (tagged with the route template and status) and <see cref="CatalogMetrics"/>.
/// Meters of other hosts in the same process (tests run several) are told apart by their factory.
/// </summary>
public sealed class RequestMetrics : IDisposable
{
    /// <summary>Upper bounds in seconds: catalog answers take milliseconds, a slow disk or a huge page seconds.</summary>
    public static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    private const string RequestDuration = "http.server.request.duration";

    private readonly IMeterFactory _meters;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<RequestSeries, DurationHistogram> _requests = new();
    private long _installs;

    public RequestMetrics(IMeterFactory meters)
    {
        _meters = meters;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, _meters))
                return;
            if ((instrument.Meter.Name, instrument.Name) is (HostingMeter, RequestDuration) or (CatalogMetrics.MeterName, CatalogMetrics.InstallsName))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => RecordRequest(value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Interlocked.Add(ref _installs, value));
        _listener.Start();
    }

    public long Installs => Interlocked.Read(ref _installs);

    /// <summary>A consistent copy of each series, ordered for stable output.</summary>
    public IReadOnlyList<(RequestSeries Series, HistogramSnapshot Histogram)> Snapshot() =>
        _requests.Select(pair => (pair.Key, pair.Value.Snapshot()))
            .OrderBy(s => s.Key.Route, StringComparer.Ordinal).ThenBy(s => s.Key.Method, StringComparer.Ordinal).ThenBy(s => s.Key.Status)
            .ToList();

    public void Dispose() => _listener.Dispose();

    private void RecordRequest(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string method = "", route = "", status = "";
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "http.request.method": method = value?.ToString() ?? ""; break;
                case "http.route": route = value?.ToString() ?? ""; break;
                case "http.response.status_code": status = value?.ToString() ?? ""; break;
            }
        }
        // Unmatched requests carry no route; their paths are the client's and must not become label values.
        var series = new RequestSeries(method, route.Length > 0 ? route : "unmatched", status);
        _requests.GetOrAdd(series, _ => new DurationHistogram()).Record(seconds);
    }

    private sealed class DurationHistogram
    {
        private readonly long[] _counts = new long[Buckets.Length + 1];
        private double _sum;

        public void Record(double seconds)
        {
            var bucket = Array.BinarySearch(Buckets, seconds);
            if (bucket < 0)
                bucket = ~bucket; // the first bound above it, or the +Inf slot
            lock (_counts)
            {
                _counts[bucket]++;
                _sum += seconds;
            }
        }

        public HistogramSnapshot Snapshot()
        {
            lock (_counts)
                return new HistogramSnapshot([.. _counts], _sum);
        }
    }
}

public sealed record RequestSeries(string Method, string Route, string Status);

/// <param name="Counts">Per bucket of <see cref="RequestMetrics.Buckets"/>, not cumulative; the last is above every bound.</param>
public sealed record HistogramSnapshot(long[] Counts, double Sum)
{
    public long Count => Counts.Sum();
}
