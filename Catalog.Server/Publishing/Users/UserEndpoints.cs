using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Auth;

namespace Catalog.Server.Publishing.Users;

/// <summary>Publisher profiles (EQP's <c>/users/:id</c>); the operator lists and creates publishers.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(PublisherApiRoutes.Users, ListUsers).RequireAuthorization(PublisherApiPolicies.Operator)
            .Produces<List<PublisherView>>();
        api.MapPost(PublisherApiRoutes.Users, CreateUser).RequireAuthorization(PublisherApiPolicies.Operator)
            .Accepts<PublisherPatch>("application/json").Produces<PublisherView>(StatusCodes.Status201Created);
        api.MapGet(PublisherApiRoutes.User, GetUser).Produces<PublisherView>();
        api.MapPut(PublisherApiRoutes.User, UpdateUser).Accepts<PublisherPatch>("application/json").Produces<PublisherView>();
        return api;
    }

    public static async Task<IResult> ListUsers(HttpContext http, string? offset, string? limit, IPublisherStore publishers)
    {
        var (from, count) = Validation.Paging(offset, limit);
        var (total, page) = await publishers.ListAsync(from, count, http.RequestAborted);
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return PublisherJson.Result(page.Select(PublisherView.From).ToList());
    }

    public static async Task<IResult> CreateUser(HttpContext http, PublisherProfiles profiles, Caller caller)
    {
        var patch = await JsonBody.ReadAsync<PublisherPatch>(http.Request);
        var created = await profiles.CreateAsync(patch, caller, http.RequestAborted);
        return PublisherJson.Result(PublisherView.From(created), StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetUser(int id, Caller caller, IPublisherStore publishers, CancellationToken ct)
    {
        var publisher = await Owned(id, caller, publishers, ct);
        return PublisherJson.Result(PublisherView.From(publisher));
    }

    public static async Task<IResult> UpdateUser(int id, HttpContext http, Caller caller, IPublisherStore publishers, PublisherProfiles profiles)
    {
        await Owned(id, caller, publishers, http.RequestAborted);
        var patch = await JsonBody.ReadAsync<PublisherPatch>(http.Request);
        var updated = await profiles.UpdateAsync(id, patch, caller, http.RequestAborted);
        return PublisherJson.Result(PublisherView.From(updated));
    }

    private static async Task<Publisher> Owned(int id, Caller caller, IPublisherStore publishers, CancellationToken ct)
    {
        if (!caller.MayManage(id))
            throw ApiException.Forbidden("A publisher may read and change only its own profile.");
        return await publishers.GetAsync(id, ct) ?? throw ApiException.NotFound("publisher");
    }
}

/// <summary>A partial profile: absent (null) fields are left alone.</summary>
public sealed record PublisherPatch(string? DisplayName, string? CompanyName, string? Email, string? HomepageUrl, bool? FoundationMember);

public sealed record PublisherView(
    int Id, string DisplayName, string CompanyName, string Email, string HomepageUrl, bool FoundationMember,
    DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    public static PublisherView From(Publisher p) =>
        new(p.Id, p.DisplayName, p.CompanyName, p.Email, p.HomepageUrl, p.FoundationMember, p.CreatedAt, p.ChangedAt);
}
