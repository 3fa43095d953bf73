using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Auth;

namespace Catalog.Server.Publishing.Reports;

/// <summary>
/// Usage reports (EQP's <c>/reports/metrics</c> and <c>/users/:id/reports/totals</c>, plus one listing's report):
/// the operator sees everything, a publisher its own listings only.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(ReportRoutes.Metrics, GetMetrics).RequireAuthorization(PublisherApiPolicies.Operator).Produces<MetricsView>();
        api.MapGet(ReportRoutes.PublisherTotals, GetPublisherTotals).Produces<PublisherTotalsView>();
        api.MapGet(ReportRoutes.Listing, GetListingReport).Produces<ListingReportView>();
        return api;
    }

    public static async Task<IResult> GetMetrics(IReportStore reports, TimeProvider clock, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow();
        return PublisherJson.Result(MetricsView.From(await reports.GetMetricsAsync(ct), asOf));
    }

    public static async Task<IResult> GetPublisherTotals(int id, Caller caller, IPublisherStore publishers, IReportStore reports, TimeProvider clock, CancellationToken ct)
    {
        if (!caller.MayManage(id))
            throw ApiException.Forbidden("A publisher may read only its own reports.");
        if (await publishers.GetAsync(id, ct) is null)
            throw ApiException.NotFound("publisher");
        var asOf = clock.GetUtcNow();
        return PublisherJson.Result(PublisherTotalsView.From(await reports.GetPublisherUsageAsync(id, ct), asOf));
    }

    /// <summary>Listings without a publisher (seeded, imported, operator-managed) are the operator's to read.</summary>
    public static async Task<IResult> GetListingReport(int id, Caller caller, IReportStore reports, TimeProvider clock, CancellationToken ct)
    {
        var (exists, owner) = await reports.FindListingOwnerAsync(id, ct);
        if (!exists)
            throw ApiException.NotFound("listing");
        if (!caller.MayManage(owner))
            throw ApiException.Forbidden("A publisher may read the reports of its own listings only.");
        var asOf = clock.GetUtcNow();
        var usage = await reports.GetListingUsageAsync(id, ct) ?? throw ApiException.NotFound("listing");
        var days = await reports.GetRecentInstallDaysAsync(id, ct);
        return PublisherJson.Result(new ListingReportView(asOf, Schema.Store.ICatalogStore.RecentInstallDays, ListingUsageView.From(usage),
            days.Select(d => new InstallDayView(d.Day, d.Installs)).ToList()));
    }
}
