using System.Net.Http.Headers;
using System.Text;
using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Auth;

namespace Catalog.Server.Publishing.Apps;

/// <summary>
/// EQP's session flow: <c>POST /app/session/token</c> with HTTP Basic <c>appId:appSecret</c> gives a bearer
/// token. The operator manages the keys under <c>/apps</c>.
/// </summary>
public static class AppEndpoints
{
    private const string BasicChallenge = "Basic realm=\"rest/v1\"";

    public static RouteGroupBuilder MapAppEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(PublisherApiRoutes.SessionToken, IssueToken).AllowAnonymous()
            .Accepts<TokenRequest>("application/json").Produces<TokenResponse>();
        api.MapGet(PublisherApiRoutes.Apps, ListApps).Produces<List<AppKeyView>>();
        api.MapPost(PublisherApiRoutes.Apps, CreateApp).RequireAuthorization(PublisherApiPolicies.Operator)
            .Accepts<CreateAppRequest>("application/json").Produces<CreatedAppView>(StatusCodes.Status201Created);
        api.MapDelete(PublisherApiRoutes.App, RevokeApp).Produces(StatusCodes.Status204NoContent);
        return api;
    }

    public static async Task<IResult> IssueToken(HttpContext http, AppKeyService apps)
    {
        if (!TryReadBasic(http.Request, out var appId, out var secret))
            return Unauthorized(http, "Send HTTP Basic credentials appId:appSecret.");
        var request = await JsonBody.ReadAsync<TokenRequest>(http.Request);
        if (request.GrantType != "session")
            throw ApiException.Invalid("grant_type", "grant_type must be \"session\".");
        if (request.ExpiresIn is <= 0)
            throw ApiException.Invalid("expires_in", "expires_in must be a positive number of seconds.");
        var key = await apps.VerifyAsync(appId, secret, http.RequestAborted);
        if (key is null)
            return Unauthorized(http, "Unknown app id, wrong secret or revoked key.");
        var token = await apps.IssueTokenAsync(key, request.ExpiresIn, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return PublisherJson.Result(new TokenResponse(token.PublisherId, token.Ust, token.ExpiresIn));
    }

    public static async Task<IResult> ListApps(Caller caller, IAppKeyStore keys, CancellationToken ct)
    {
        var list = await keys.ListAsync(caller.IsOperator ? null : caller.PublisherId, ct);
        return PublisherJson.Result(list.Select(AppKeyView.From).ToList());
    }

    public static async Task<IResult> CreateApp(HttpContext http, AppKeyService apps)
    {
        var request = await JsonBody.ReadAsync<CreateAppRequest>(http.Request);
        var isOperator = request.Operator ?? false;
        if (isOperator == request.PublisherId.HasValue)
            throw ApiException.Invalid("publisher_id", "Give either publisher_id (a publisher key) or \"operator\": true (an operator key).");
        var created = await apps.CreateAsync(request.PublisherId, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return PublisherJson.Result(new CreatedAppView(created.AppId, created.Secret, created.PublisherId, created.IsOperator, created.CreatedAt),
            StatusCodes.Status201Created);
    }

    public static async Task<IResult> RevokeApp(string appId, Caller caller, IAppKeyStore keys, AppKeyService apps, CancellationToken ct)
    {
        var key = await keys.GetAsync(appId, ct);
        if (key is null)
            throw ApiException.NotFound("app key");
        if (!caller.MayManage(key.IsOperator ? null : key.PublisherId))
            throw ApiException.Forbidden("A publisher may revoke only its own keys.");
        if (!await apps.RevokeAsync(appId, ct))
            throw ApiException.Conflict("The key is already revoked.");
        return TypedResults.NoContent();
    }

    private static IResult Unauthorized(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = BasicChallenge;
        return PublisherJson.Result(new ApiError(StatusCodes.Status401Unauthorized, message), StatusCodes.Status401Unauthorized);
    }

    private static bool TryReadBasic(HttpRequest request, out string appId, out string secret)
    {
        appId = secret = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0)
            return false;
        (appId, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        return secret.Length > 0;
    }
}

public sealed record TokenRequest(string? GrantType, int? ExpiresIn);

/// <summary>EQP's answer with <c>publisher_id</c> for <c>mage_id</c>; null for an operator token.</summary>
public sealed record TokenResponse(int? PublisherId, string Ust, int ExpiresIn);

public sealed record CreateAppRequest(int? PublisherId, bool? Operator);

public sealed record CreatedAppView(string AppId, string AppSecret, int? PublisherId, bool Operator, DateTimeOffset CreatedAt);

public sealed record AppKeyView(string AppId, int? PublisherId, bool Operator, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static AppKeyView From(AppKey key) => new(key.AppId, key.PublisherId, key.IsOperator, key.CreatedAt, key.RevokedAt);
}
