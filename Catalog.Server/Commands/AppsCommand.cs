using System.Globalization;
using Catalog.Schema.Publishing;
using Catalog.Server.Publishing;
using Catalog.Server.Publishing.Apps;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>apps create|list|revoke</c>: the operator's keys to the publisher API. A new secret is printed once,
/// as <c>name=value</c> lines a shell can evaluate; only its hash is stored.
/// </summary>
public sealed class AppsCommand : ICatalogCommand
{
    public string Name => "apps";
    public string Synopsis => "apps create (--publisher ID|NAME | --operator) | apps list | apps revoke APP_ID";
    public string Description => """
        Manages app keys of the publisher API (/rest/v1).
        apps create --publisher ID     a key of the existing publisher ID (at most 3 unrevoked keys a publisher)
        apps create --publisher NAME   creates a publisher named NAME and a key of it
        apps create --operator         an operator key: full access, no publisher
            Prints app_id, app_secret and publisher_id as name=value lines. The secret is shown only now.
        apps list                      every key: app id, publisher, role, created, revoked
        apps revoke APP_ID             revokes the key; its bearer tokens stop working at once
        """;

    public IReadOnlyCollection<string> Switches => ["--operator"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var words = context.Arguments;
        var publisher = context.Option("publisher");
        var isOperator = context.Switches.Contains("--operator");
        var verb = words.Count > 0 ? words[0] : null;
        var usage = verb switch
        {
            "create" when words.Count != 1 => "apps create takes no positional argument.",
            "create" when (publisher is null) == !isOperator => "apps create needs exactly one of --publisher ID|NAME and --operator.",
            "list" when words.Count != 1 => "apps list takes no argument.",
            "revoke" when words.Count != 2 => "apps revoke needs one APP_ID.",
            "create" or "list" or "revoke" => null,
            _ => "apps needs create, list or revoke.",
        };
        if (usage is not null)
            return context.UsageError(usage);

        await using var host = await context.OpenHostAsync();
        try
        {
            return verb switch
            {
                "create" => await CreateAsync(host.Services, publisher, context),
                "list" => await ListAsync(host.Services, context),
                _ => await RevokeAsync(host.Services, words[1], context),
            };
        }
        catch (ApiException e)
        {
            context.Error.WriteLine(e.Message);
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string? publisher, CommandContext context)
    {
        var ct = context.Cancellation;
        int? publisherId = null;
        if (publisher is not null)
        {
            var publishers = services.GetRequiredService<IPublisherStore>();
            if (int.TryParse(publisher, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (await publishers.GetAsync(id, ct) is null)
                {
                    context.Error.WriteLine($"No publisher {id}. Give a name instead of a number to create one.");
                    return ExitCodes.Failed;
                }
                publisherId = id;
            }
            else
            {
                var name = Validation.Text("publisher", publisher, 200, required: true);
                publisherId = (await publishers.CreateAsync(name, ct)).Id;
                context.Error.WriteLine($"Created publisher {publisherId} '{name}'.");
            }
        }
        var created = await services.GetRequiredService<AppKeyService>().CreateAsync(publisherId, ct);
        context.Out.WriteLine($"app_id={created.AppId}");
        context.Out.WriteLine($"app_secret={created.Secret}");
        context.Out.WriteLine($"publisher_id={created.PublisherId?.ToString(CultureInfo.InvariantCulture) ?? ""}");
        context.Error.WriteLine(created.IsOperator
            ? "Operator key created. The secret is shown only now; store it safely."
            : "Publisher key created. The secret is shown only now; store it safely.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(IServiceProvider services, CommandContext context)
    {
        var keys = await services.GetRequiredService<IAppKeyStore>().ListAsync(null, context.Cancellation);
        context.Out.WriteLine($"{"app id",-26} {"publisher",-10} {"role",-9} {"created",-24} revoked");
        foreach (var key in keys)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key.AppId,-26} {key.PublisherId?.ToString(CultureInfo.InvariantCulture) ?? "-",-10} {(key.IsOperator ? "operator" : "publisher"),-9} " +
                $"{StoreTime.ToText(key.CreatedAt),-24} {(key.RevokedAt is { } at ? StoreTime.ToText(at) : "-")}"));
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, string appId, CommandContext context)
    {
        if (await services.GetRequiredService<AppKeyService>().RevokeAsync(appId, context.Cancellation))
        {
            context.Out.WriteLine($"Revoked {appId}; its tokens no longer work.");
            return ExitCodes.Ok;
        }
        context.Error.WriteLine($"No unrevoked key {appId}.");
        return ExitCodes.Failed;
    }
}
