using System.Diagnostics.Metrics;

namespace Catalog.Server.Operations;

/// <summary>
/// The catalog's own instruments, on a meter from the host's <see cref="IMeterFactory"/> (so each host, and each
/// test server, counts on its own). <c>/metrics</c> exposes them; so can dotnet-counters or OpenTelemetry.
/// </summary>
public sealed class CatalogMetrics
{
    public const string MeterName = "Catalog.Server";
    public const string InstallsName = "catalog.installs";

    private readonly Counter<long> _installs;

    public CatalogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _installs = meter.CreateCounter<long>(InstallsName, unit: "{install}", description: "Successful installs reported by clients.");
    }

    public void InstallCounted() => _installs.Add(1);
}
