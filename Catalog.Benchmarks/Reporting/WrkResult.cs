using System.Text.Json.Serialization;

namespace Catalog.Benchmarks.Reporting;

/// <summary>One wrk run as <c>bench/lua/paths.lua</c> reports it in its <c>done</c> callback (times in microseconds).</summary>
public sealed record WrkResult
{
    [JsonPropertyName("scenario")] public string Scenario { get; init; } = "";
    [JsonPropertyName("requests")] public long Requests { get; init; }
    [JsonPropertyName("duration_us")] public long DurationMicroseconds { get; init; }
    [JsonPropertyName("bytes")] public long Bytes { get; init; }
    [JsonPropertyName("p50_us")] public double P50 { get; init; }
    [JsonPropertyName("p99_us")] public double P99 { get; init; }
    [JsonPropertyName("max_us")] public double Max { get; init; }
    [JsonPropertyName("connect_errors")] public long ConnectErrors { get; init; }
    [JsonPropertyName("read_errors")] public long ReadErrors { get; init; }
    [JsonPropertyName("write_errors")] public long WriteErrors { get; init; }
    [JsonPropertyName("timeouts")] public long Timeouts { get; init; }

    /// <summary>Answers with status 400 or more (wrk's own count).</summary>
    [JsonPropertyName("status_errors")] public long StatusErrors { get; init; }

    public double RequestsPerSecond => DurationMicroseconds == 0 ? 0 : Requests * 1_000_000.0 / DurationMicroseconds;

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;
}
