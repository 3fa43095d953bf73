using Catalog.Schema.Publishing;
using Catalog.Server.Indexing;
using Catalog.Server.Publishing.Auth;

namespace Catalog.Server.Publishing.Users;

/// <summary>
/// Validates profile changes and applies them; the foundation-member flag is the operator's alone. The flag is
/// written into the publisher's live listings, where it keeps commercial listings in the client's recent,
/// favorites and popular lists (Listing.IsCommercial, PROTOCOL.md).
/// </summary>
public sealed class PublisherProfiles(IPublisherStore publishers, IPackageStore packages, SearchIndexFollower follower)
{
    public async Task<Publisher> CreateAsync(PublisherPatch patch, Caller caller, CancellationToken ct)
    {
        var name = Validation.Text("display_name", patch.DisplayName, 200, required: true);
        var created = await publishers.CreateAsync(name, ct);
        return await UpdateAsync(created.Id, patch with { DisplayName = null }, caller, ct);
    }

    public async Task<Publisher> UpdateAsync(int id, PublisherPatch patch, Caller caller, CancellationToken ct)
    {
        if (patch.FoundationMember is not null && !caller.IsOperator)
            throw ApiException.Forbidden("Only the operator may change foundation_member.", "foundation_member");
        var current = await publishers.GetAsync(id, ct) ?? throw ApiException.NotFound("publisher");
        var next = current with
        {
            DisplayName = patch.DisplayName is null ? current.DisplayName : Validation.Text("display_name", patch.DisplayName, 200, required: true),
            CompanyName = patch.CompanyName is null ? current.CompanyName : Validation.Text("company_name", patch.CompanyName, 200),
            Email = patch.Email is null ? current.Email : Validation.Email("email", patch.Email),
            HomepageUrl = patch.HomepageUrl is null ? current.HomepageUrl : Validation.Url("homepage_url", patch.HomepageUrl),
            FoundationMember = patch.FoundationMember ?? current.FoundationMember,
        };
        if (next == current)
            return current;
        // Owner, company and foundation membership are written into the publisher's live listings at once.
        await packages.SaveProfileAsync(next, ct);
        await follower.CatchUpAsync(ct);
        return (await publishers.GetAsync(id, ct))!;
    }
}
