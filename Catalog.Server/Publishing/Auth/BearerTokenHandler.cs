using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Schema.Publishing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;ust&gt;</c> from <c>POST /rest/v1/app/session/token</c>: looked up by its hash,
/// valid until it expires (by the injected clock) or its app key is revoked. Refusals answer in the API's JSON.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IAppKeyStore keys, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PublisherBearer";
    private const string Realm = "Bearer realm=\"rest/v1\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Not a bearer token.");
        var token = header["Bearer ".Length..].Trim();
        // A token is 43 base64url characters; anything else is not worth a database look-up.
        if (token.Length is 0 or > 128)
            return AuthenticateResult.Fail("Malformed token.");
        var session = await keys.FindSessionAsync(SessionTokens.Hash(token), clock.GetUtcNow(), Context.RequestAborted);
        if (session is null)
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");

        var claims = new List<Claim> { new(PublisherClaims.AppId, session.AppId), new(ClaimTypes.NameIdentifier, session.AppId) };
        if (session.PublisherId is { } publisher)
            claims.Add(new Claim(PublisherClaims.PublisherId, publisher.ToString(CultureInfo.InvariantCulture)));
        if (session.IsOperator)
            claims.Add(new Claim(ClaimTypes.Role, PublisherClaims.OperatorRole));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var presented = result.Failure is not null;
        Response.Headers.WWWAuthenticate = presented ? $"{Realm}, error=\"invalid_token\"" : Realm;
        await PublisherJson.WriteErrorAsync(Context, new ApiError(StatusCodes.Status401Unauthorized, presented
            ? "The bearer token is unknown, expired or revoked; get a new one from POST /rest/v1/app/session/token."
            : "Send Authorization: Bearer <token>; get one from POST /rest/v1/app/session/token."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        PublisherJson.WriteErrorAsync(Context, new ApiError(StatusCodes.Status403Forbidden, "This needs an operator token."));
}
