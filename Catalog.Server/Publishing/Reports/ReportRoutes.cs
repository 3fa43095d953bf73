namespace Catalog.Server.Publishing.Reports;

/// <summary>Route patterns of the reports, relative to /rest/v1.</summary>
public static class ReportRoutes
{
    public const string Metrics = "/reports/metrics";
    public const string PublisherTotals = "/users/{id:int}/reports/totals";
    public const string Listing = "/reports/listings/{id:int}";
}
