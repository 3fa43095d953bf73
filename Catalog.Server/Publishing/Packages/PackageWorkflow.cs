using System.Text.Json.Serialization;
using Catalog.Schema.Publishing;
using Catalog.Server.Indexing;
using Catalog.Server.Publishing.Auth;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing.Packages;

/// <summary>
/// The submission workflow (PUBLISHER-API.md): draft → submit → approve or reject; unpublish by the owner,
/// remove by the operator. Each item is checked completely before its one write, so a refused item changes
/// nothing. Whatever goes live or comes down is in the search index before the answer.
/// </summary>
public sealed class PackageWorkflow(
    IPackageStore packages, PackageValidator validator, SearchIndexFollower follower, IOptions<PublishingOptions> options)
{
    public const string AutoApprover = "auto-approval";

    public async Task<ItemResult> CreateAsync(PackageRequest request, Caller caller, CancellationToken ct)
    {
        if (request.Id is not null)
            throw ApiException.Invalid("id", "A new package has no id; update packages with PUT.");
        var publisherId = request.PublisherId ?? caller.PublisherId;
        if (!caller.IsOperator && request.PublisherId is { } other && other != caller.PublisherId)
            throw ApiException.Forbidden("A publisher creates packages only for itself.", "publisher_id");
        if (request.Action is not (null or PackageActions.Submit))
            throw ApiException.Invalid("action", "A new package can only be submitted; it is not live yet.");
        var content = await validator.ApplyAsync(null, request, ct);
        var steps = new List<HistoryStep> { new("created", PackageStates.Draft) };
        var state = PackageStates.Draft;
        if (request.Action == PackageActions.Submit)
        {
            await validator.CheckPublishableAsync(content, publisherId, ct);
            state = PackageStates.Submitted;
            steps.Add(new HistoryStep("submitted", state, request.Message ?? ""));
        }
        var created = await packages.CreateAsync(publisherId, content, state, steps, caller.Actor, ct);
        if (state == PackageStates.Submitted && options.Value.AutoApprove)
        {
            await packages.PublishAsync(created, content, [AutoApproval()], caller.Actor, ct);
            await follower.CatchUpAsync(ct);
            created = (await packages.GetAsync(created.Id, ct))!;
        }
        return ItemResult.For(StatusCodes.Status201Created, "Created.", created);
    }

    public async Task<ItemResult> UpdateAsync(PackageRequest request, Caller caller, CancellationToken ct)
    {
        if (request.Id is not { } id)
            throw ApiException.Invalid("id", "Name the package to update with id.");
        var package = await packages.GetAsync(id, ct) ?? throw ApiException.NotFound("package");
        if (!caller.MayManage(package.PublisherId))
            throw ApiException.Forbidden("A publisher may read and change only its own packages.");
        if (request.PublisherId is not null && request.PublisherId != package.PublisherId)
            throw new ApiException(caller.IsOperator ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden,
                "A package's publisher cannot be changed.", "publisher_id");
        if (request.Action is { } action && !PackageActions.All.Contains(action))
            throw ApiException.Invalid("action", $"action is one of {string.Join(", ", PackageActions.All)}.");
        if (package.Removed)
            throw ApiException.Conflict("The operator removed this package; it can no longer change.");

        var steps = new List<HistoryStep>();
        var pending = package.PendingContent;
        var pendingState = package.PendingState;
        if (request.ChangesContent)
        {
            if (request.Action is not (null or PackageActions.Submit))
                throw ApiException.Invalid("action", $"Send field changes and '{request.Action}' as separate items.");
            var changed = await validator.ApplyAsync(package.WorkingCopy, request, ct);
            if (!changed.SameAs(package.WorkingCopy))
            {
                // An edit of a submitted or rejected revision withdraws it: it must be submitted again.
                pending = changed;
                pendingState = PackageStates.Draft;
                steps.Add(new HistoryStep("updated", PackageStates.Draft));
            }
        }

        switch (request.Action)
        {
            case null:
                if (steps.Count == 0)
                    return ItemResult.For(StatusCodes.Status200OK, "Unchanged.", package);
                return ItemResult.For(StatusCodes.Status200OK, "Updated.",
                    await packages.SavePendingAsync(package, pendingState!, pending!, "", steps, caller.Actor, ct));

            case PackageActions.Submit:
                if (pending is null && !package.Live && package.LiveContent is not null)
                    pending = package.LiveContent; // an unpublished listing goes back up for review as it was
                if (pending is null)
                    throw ApiException.Conflict("Nothing to submit: the live listing has no pending changes.", "action");
                if (pendingState == PackageStates.Submitted)
                    throw ApiException.Conflict("Already submitted; wait for the operator's decision.", "action");
                await validator.CheckPublishableAsync(pending, package.PublisherId, ct);
                steps.Add(new HistoryStep("submitted", PackageStates.Submitted, request.Message ?? ""));
                if (options.Value.AutoApprove)
                {
                    steps.Add(AutoApproval());
                    await packages.PublishAsync(package, pending, steps, caller.Actor, ct);
                    await follower.CatchUpAsync(ct);
                    return ItemResult.For(StatusCodes.Status200OK, "Submitted and approved.", (await packages.GetAsync(id, ct))!);
                }
                return ItemResult.For(StatusCodes.Status200OK, "Submitted.",
                    await packages.SavePendingAsync(package, PackageStates.Submitted, pending, request.Message ?? "", steps, caller.Actor, ct));

            case PackageActions.Approve:
                RequireOperator(caller);
                if (package.PendingState != PackageStates.Submitted)
                    throw ApiException.Conflict($"Only a submitted package can be approved; this one is {package.State}.", "action");
                await validator.CheckPublishableAsync(package.PendingContent!, package.PublisherId, ct);
                await packages.PublishAsync(package, package.PendingContent!,
                    [new HistoryStep("approved", PackageStates.Published, request.Message ?? "")], caller.Actor, ct);
                await follower.CatchUpAsync(ct);
                return ItemResult.For(StatusCodes.Status200OK, "Approved.", (await packages.GetAsync(id, ct))!);

            case PackageActions.Reject:
                RequireOperator(caller);
                if (package.PendingState != PackageStates.Submitted)
                    throw ApiException.Conflict($"Only a submitted package can be rejected; this one is {package.State}.", "action");
                var reason = Validation.Text("message", request.Message, 5000, required: true);
                return ItemResult.For(StatusCodes.Status200OK, "Rejected.", await packages.SavePendingAsync(package, PackageStates.Rejected,
                    package.PendingContent!, reason, [new HistoryStep("rejected", PackageStates.Rejected, reason)], caller.Actor, ct));

            case PackageActions.Unpublish:
                if (!package.Live)
                    throw ApiException.Conflict("The package is not live.", "action");
                await packages.TakeDownAsync(package, remove: false, caller.Actor, request.Message ?? "", ct);
                await follower.CatchUpAsync(ct);
                return ItemResult.For(StatusCodes.Status200OK, "Unpublished.", (await packages.GetAsync(id, ct))!);

            default: // remove
                RequireOperator(caller);
                await packages.TakeDownAsync(package, remove: true, caller.Actor, request.Message ?? "", ct);
                await follower.CatchUpAsync(ct);
                return ItemResult.For(StatusCodes.Status200OK, "Removed.", (await packages.GetAsync(id, ct))!);
        }
    }

    private static HistoryStep AutoApproval() =>
        new("approved", PackageStates.Published, "Catalog:Publishing:AutoApprove is on", AutoApprover);

    private static void RequireOperator(Caller caller)
    {
        if (!caller.IsOperator)
            throw ApiException.Forbidden("Only the operator approves, rejects and removes packages.", "action");
    }
}

/// <summary>One item's answer in a batch: EQP's <c>{code, message}</c>, plus the package's id and state when there is one.</summary>
public sealed record ItemResult(
    int Code, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? State = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null)
{
    public static ItemResult For(int code, string message, PackageRecord package) => new(code, message, package.Id, package.State);

    public static ItemResult From(ApiException e) => new(e.Status, e.Message, Field: e.Field);
}
