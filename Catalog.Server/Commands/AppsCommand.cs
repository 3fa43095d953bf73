using System.Globalization;
using Catalog.Schema.Publishing;
using Catalog.Server.Publishing;
using Catalog.Server.Publishing.Apps;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>apps create|list|revoke</c>: the operator's keys to the publisher API. A new secret is printed once,
/// as <c>name=value</c> lines a shell can evaluate; only its hash is stored.
/// </summary>
public static class AppsCommand
{
    public const string Help = """
        apps create (--publisher ID|NAME | --operator) [--Catalog:Store:DatabasePath=FILE]
            Creates an app key and prints app_id, app_secret and publisher_id. The secret is shown only now.
            --publisher ID     a key of the existing publisher ID (at most 3 unrevoked keys a publisher)
            --publisher NAME   creates a publisher named NAME and a key of it
            --operator         an operator key: full access, no publisher
        apps list
            Lists every key: app id, publisher, operator or not, created, revoked.
        apps revoke APP_ID
            Revokes the key; its bearer tokens stop working at once.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        var (words, publisher, isOperator, settings) = Parse(args);
        var verb = words.FirstOrDefault();
        if (verb is null || (verb == "create" && ((publisher is null) == !isOperator || words.Count != 1))
            || (verb == "revoke" && words.Count != 2) || (verb == "list" && words.Count != 1)
            || verb is not ("create" or "list" or "revoke"))
        {
            errors.WriteLine("Usage:\n" + Help);
            return CommandLine.Usage;
        }
        await using var app = await CommandHost.OpenAsync(settings);
        var services = app.Services;
        try
        {
            return verb switch
            {
                "create" => await CreateAsync(services, publisher, output, errors),
                "list" => await ListAsync(services, output),
                _ => await RevokeAsync(services, words[1], output, errors),
            };
        }
        catch (ApiException e)
        {
            errors.WriteLine(e.Message);
            return CommandLine.Failed;
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string? publisher, TextWriter output, TextWriter errors)
    {
        int? publisherId = null;
        if (publisher is not null)
        {
            var publishers = services.GetRequiredService<PublisherStore>();
            if (int.TryParse(publisher, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (await publishers.GetAsync(id, CancellationToken.None) is null)
                {
                    errors.WriteLine($"No publisher {id}. Give a name instead of a number to create one.");
                    return CommandLine.Failed;
                }
                publisherId = id;
            }
            else
            {
                var name = Validation.Text("publisher", publisher, 200, required: true);
                publisherId = (await publishers.CreateAsync(name, CancellationToken.None)).Id;
                errors.WriteLine($"Created publisher {publisherId} '{name}'.");
            }
        }
        var created = await services.GetRequiredService<AppKeyService>().CreateAsync(publisherId, CancellationToken.None);
        output.WriteLine($"app_id={created.AppId}");
        output.WriteLine($"app_secret={created.Secret}");
        output.WriteLine($"publisher_id={created.PublisherId?.ToString(CultureInfo.InvariantCulture) ?? ""}");
        errors.WriteLine(created.IsOperator
            ? "Operator key created. The secret is shown only now; store it safely."
            : "Publisher key created. The secret is shown only now; store it safely.");
        return CommandLine.Ok;
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        var keys = await services.GetRequiredService<AppKeyStore>().ListAsync(null, CancellationToken.None);
        output.WriteLine($"{"app id",-26} {"publisher",-10} {"role",-9} {"created",-24} revoked");
        foreach (var key in keys)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key.AppId,-26} {key.PublisherId?.ToString(CultureInfo.InvariantCulture) ?? "-",-10} {(key.IsOperator ? "operator" : "publisher"),-9} " +
                $"{StoreTime.ToText(key.CreatedAt),-24} {(key.RevokedAt is { } at ? StoreTime.ToText(at) : "-")}"));
        }
        return CommandLine.Ok;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, string appId, TextWriter output, TextWriter errors)
    {
        if (await services.GetRequiredService<AppKeyService>().RevokeAsync(appId, CancellationToken.None))
        {
            output.WriteLine($"Revoked {appId}; its tokens no longer work.");
            return CommandLine.Ok;
        }
        errors.WriteLine($"No unrevoked key {appId}.");
        return CommandLine.Failed;
    }

    private static (List<string> Words, string? Publisher, bool Operator, string[] Settings) Parse(string[] args)
    {
        var words = new List<string>();
        var settings = new List<string>();
        string? publisher = null;
        var isOperator = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--operator")
                isOperator = true;
            else if (arg == "--publisher" && i + 1 < args.Length)
                publisher = args[++i];
            else if (arg.StartsWith("--publisher=", StringComparison.Ordinal))
                publisher = arg["--publisher=".Length..];
            else if (arg.StartsWith('-'))
                settings.Add(arg);
            else
                words.Add(arg);
        }
        return (words, publisher, isOperator, settings.ToArray());
    }
}
