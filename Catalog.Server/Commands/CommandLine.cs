using System.Text;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>dotnet run --project Catalog.Server -- &lt;command&gt;</c>: finds the command, splits its arguments from
/// settings, answers <c>--help</c>, and turns failures into <see cref="ExitCodes"/>.
/// </summary>
public static class CommandLine
{
    /// <summary>Every command, in the order help lists them. Register a new command here.</summary>
    public static IReadOnlyList<ICatalogCommand> Commands { get; } =
    [
        new ServeCommand(),
        new ImportCommand(),
        new SeedCommand(),
        new ReindexCommand(),
        new CheckCommand(),
        new AppsCommand(),
    ];

    private static readonly string[] HelpFlags = ["--help", "-h", "-?"];

    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C stops the work cleanly (a transaction rolls back, the index keeps its last commit).
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, CommandConsole.System, TimeProvider.System, interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static async Task<int> RunAsync(string[] args, CommandConsole console, TimeProvider clock, CancellationToken ct)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        if (verb == "help")
            return rest.Length == 0 ? Overview(console.Out) : Help(rest[0], console);
        var command = Find(verb);
        if (command is null)
        {
            console.Error.WriteLine($"Unknown command '{verb}'.");
            Overview(console.Error);
            return ExitCodes.Usage;
        }
        if (rest.Any(a => HelpFlags.Contains(a)))
            return Help(verb, console);

        var context = Parse(command, rest, console, clock, ct);
        try
        {
            return await command.RunAsync(context);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (console.ErrorIsTerminal)
                console.Error.WriteLine(); // past a progress line being redrawn
            console.Error.WriteLine($"{command.Name}: interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Hosting.StartupRefusedException e)
        {
            console.Error.WriteLine($"{command.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            console.Error.WriteLine($"{command.Name}: invalid setting: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Lucene.Net.Store.LockObtainFailedException e)
        {
            // Two writers would destroy each other's segments: the second one stops here.
            console.Error.WriteLine($"{command.Name} failed: {e.Message} Stop that process (a running server?) and try again.");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"{command.Name} failed: {e.Message}");
            console.Error.WriteLine(e);
            return ExitCodes.Failed;
        }
    }

    private static ICatalogCommand? Find(string verb) =>
        Commands.FirstOrDefault(c => string.Equals(c.Name, verb, StringComparison.Ordinal));

    /// <summary>
    /// Positional arguments, the command's switches, and settings in the forms the configuration's command-line
    /// provider reads: <c>--key=value</c>, or <c>--key value</c> where the value is the next argument.
    /// </summary>
    private static CommandContext Parse(ICatalogCommand command, string[] args, CommandConsole console, TimeProvider clock, CancellationToken ct)
    {
        var positional = new List<string>();
        var switches = new HashSet<string>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (command.Switches.Contains(arg))
                switches.Add(arg);
            else if (!arg.StartsWith('-'))
                positional.Add(arg);
            else
            {
                settings.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                    settings.Add(args[++i]);
            }
        }
        return new CommandContext
        {
            Command = command, Arguments = positional, Switches = switches, Settings = settings,
            Console = console, Clock = clock, Cancellation = ct,
        };
    }

    private static int Help(string verb, CommandConsole console)
    {
        var command = Find(verb);
        if (command is null)
        {
            console.Error.WriteLine($"Unknown command '{verb}'.");
            Overview(console.Error);
            return ExitCodes.Usage;
        }
        console.Out.WriteLine($"Usage: {command.Synopsis} [--Section:Key=value ...]");
        console.Out.WriteLine();
        console.Out.WriteLine(command.Description);
        console.Out.WriteLine();
        console.Out.WriteLine(SettingsAndExitCodes);
        return ExitCodes.Ok;
    }

    private static int Overview(TextWriter writer)
    {
        var text = new StringBuilder("Usage: Catalog.Server [command] [arguments] [--Section:Key=value ...]\n\nCommands:\n");
        var width = Math.Max("help COMMAND".Length, Commands.Max(c => c.Synopsis.Length)) + 2;
        foreach (var command in Commands)
            text.Append("  ").Append(command.Synopsis.PadRight(width)).AppendLine(command.Description.Split('\n')[0]);
        text.Append("  ").Append("help COMMAND".PadRight(width)).AppendLine("Shows what a command does (or: COMMAND --help).");
        text.AppendLine().Append(SettingsAndExitCodes);
        writer.WriteLine(text.ToString());
        return ExitCodes.Ok;
    }

    private const string SettingsAndExitCodes = """
        Settings: any --Section:Key=value, e.g. --Catalog:Store:DatabasePath=data/catalog.db, or the environment
        variable Catalog__Store__DatabasePath; see the README for every setting.
        Exit codes: 0 done, 1 failed, 2 bad usage or setting, 3 check found differences, 130 interrupted (Ctrl+C).
        """;
}
