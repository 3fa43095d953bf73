using System.Globalization;
using System.Reflection;
using System.Security.Claims;

namespace Catalog.Server.Publishing.Auth;

/// <summary>
/// Who is calling /rest/v1, read from the authenticated principal. Handlers take it as a parameter; an
/// endpoint that lets anonymous callers in never asks for it.
/// </summary>
public sealed record Caller(string AppId, int? PublisherId, bool IsOperator)
{
    /// <summary>The name recorded in histories and logs.</summary>
    public string Actor => IsOperator ? $"operator:{AppId}" : $"publisher:{PublisherId}:{AppId}";

    /// <summary>Whether the caller may read and change something owned by <paramref name="ownerPublisherId"/> (null: the operator's).</summary>
    public bool MayManage(int? ownerPublisherId) =>
        IsOperator || (PublisherId is { } mine && ownerPublisherId == mine);

    public static Caller? From(ClaimsPrincipal user)
    {
        var appId = user.FindFirst(PublisherClaims.AppId)?.Value;
        if (appId is null)
            return null;
        var publisher = user.FindFirst(PublisherClaims.PublisherId)?.Value;
        return new Caller(appId,
            publisher is null ? null : int.Parse(publisher, CultureInfo.InvariantCulture),
            user.IsInRole(PublisherClaims.OperatorRole));
    }

    /// <summary>Minimal API binding: the endpoint's authorization policy has already authenticated the caller.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<Caller?>(From(http.User) ?? throw new ApiException(StatusCodes.Status401Unauthorized, "Send Authorization: Bearer <token>."));
}
