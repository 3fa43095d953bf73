namespace Catalog.Server.Publishing.Packages;

/// <summary>The <c>action</c> values of a package item.</summary>
public static class PackageActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Unpublish = "unpublish";
    public const string Remove = "remove";

    public static readonly string[] All = [Submit, Approve, Reject, Unpublish, Remove];
}
