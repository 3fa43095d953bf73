namespace Catalog.Server.Publishing.Auth;

/// <summary>Claim types and values the bearer handler issues.</summary>
public static class PublisherClaims
{
    public const string AppId = "app_id";
    public const string PublisherId = "publisher_id";
    public const string OperatorRole = "operator";
}
