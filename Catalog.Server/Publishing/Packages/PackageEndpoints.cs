using System.Globalization;
using System.Text.Json;
using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Auth;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing.Packages;

/// <summary>
/// EQP's <c>/products/packages</c>: batch create and update (200 with one result per item, in order), reads,
/// lists and the status history.
/// </summary>
public static class PackageEndpoints
{
    public static RouteGroupBuilder MapPackageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(PublisherApiRoutes.Packages, ListPackages).Produces<List<PackageView>>();
        api.MapPost(PublisherApiRoutes.Packages, CreatePackages).Accepts<List<PackageRequest>>("application/json").Produces<List<ItemResult>>();
        api.MapPut(PublisherApiRoutes.Packages, UpdatePackages).Accepts<List<PackageRequest>>("application/json").Produces<List<ItemResult>>();
        api.MapGet(PublisherApiRoutes.Package, GetPackage).Produces<PackageView>();
        api.MapGet(PublisherApiRoutes.PackageStatus, GetPackageStatus).Produces<PackageStatusView>();
        return api;
    }

    public static async Task<IResult> ListPackages(HttpContext http, Caller caller, IPackageStore packages, string? offset, string? limit, string? sort)
    {
        var (from, count) = Validation.Paging(offset, limit);
        // A publisher lists its own packages; the operator every package and every listing without one.
        int? publisherId = caller.IsOperator ? null : caller.PublisherId ?? -1;
        var (total, page) = await packages.ListAsync(publisherId, ParseSort(sort), from, count, http.RequestAborted);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return PublisherJson.Result(page.Select(PackageView.From).ToList());
    }

    public static async Task<IResult> GetPackage(int id, Caller caller, IPackageStore packages, CancellationToken ct) =>
        PublisherJson.Result(PackageView.From(await OwnedAsync(id, caller, packages, ct)));

    public static async Task<IResult> GetPackageStatus(int id, Caller caller, IPackageStore packages, CancellationToken ct)
    {
        var package = await OwnedAsync(id, caller, packages, ct);
        var history = await packages.GetHistoryAsync(id, ct);
        return PublisherJson.Result(new PackageStatusView(package.Id, package.State, package.Live, package.PendingMessage,
            history.Select(HistoryView.From).ToList()));
    }

    public static Task<IResult> CreatePackages(HttpContext http, Caller caller, PackageWorkflow workflow, IOptions<PublishingOptions> options) =>
        BatchAsync(http, options.Value.MaxBatchItems, (item, ct) => workflow.CreateAsync(item, caller, ct));

    public static Task<IResult> UpdatePackages(HttpContext http, Caller caller, PackageWorkflow workflow, IOptions<PublishingOptions> options) =>
        BatchAsync(http, options.Value.MaxBatchItems, (item, ct) => workflow.UpdateAsync(item, caller, ct));

    /// <summary>
    /// Each item is read and applied on its own, so one malformed or refused item answers its own 4xx and
    /// the others still go through.
    /// </summary>
    private static async Task<IResult> BatchAsync(HttpContext http, int maxItems, Func<PackageRequest, CancellationToken, Task<ItemResult>> apply)
    {
        var body = await JsonBody.ReadAsync<JsonElement>(http.Request, PublisherJson.BatchShapeOptions);
        if (body.ValueKind != JsonValueKind.Array)
            throw ApiException.Invalid("$", "Send a JSON array of packages (a batch), even for one package.");
        if (body.GetArrayLength() is var n && (n == 0 || n > maxItems))
            throw ApiException.Invalid("$", $"A batch holds 1 to {maxItems} packages.");
        var results = new List<ItemResult>();
        foreach (var element in body.EnumerateArray())
        {
            try
            {
                if (element.ValueKind != JsonValueKind.Object)
                    throw ApiException.Invalid("$", "A package is a JSON object.");
                PackageRequest request;
                try
                {
                    request = element.Deserialize<PackageRequest>(PublisherJson.Options)!;
                }
                catch (JsonException e)
                {
                    throw ApiException.Invalid(JsonBody.FieldOf(e.Path), JsonBody.Describe(e));
                }
                results.Add(await apply(request, http.RequestAborted));
            }
            catch (ApiException e)
            {
                results.Add(ItemResult.From(e));
            }
            catch (PackageChangedException e)
            {
                results.Add(ItemResult.From(ApiException.Conflict(e.Message)));
            }
        }
        return PublisherJson.Result(results);
    }

    private static async Task<PackageRecord> OwnedAsync(int id, Caller caller, IPackageStore packages, CancellationToken ct)
    {
        var package = await packages.GetAsync(id, ct) ?? throw ApiException.NotFound("package");
        if (!caller.MayManage(package.PublisherId))
            throw ApiException.Forbidden("A publisher may read and change only its own packages.");
        return package;
    }

    /// <summary><c>-changed,+name</c>; a '+' that arrived unencoded reads as a space.</summary>
    public static IReadOnlyList<PackageSort> ParseSort(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
            return [new PackageSort("changed", Descending: true)];
        var result = new List<PackageSort>();
        foreach (var part in sort.Split(','))
        {
            var term = part.Trim();
            var descending = term.StartsWith('-');
            var field = term.TrimStart('-', '+');
            if (field is not ("changed" or "created" or "name" or "id") || result.Any(s => s.Field == field))
                throw ApiException.Invalid("sort", "sort lists changed, created, name or id, each once, with - for descending: sort=-changed,+name.");
            result.Add(new PackageSort(field, descending));
        }
        return result;
    }
}
