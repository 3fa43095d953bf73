namespace Catalog.Server.Commands;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
/// <param name="ErrorIsTerminal">Progress redraws one line on a terminal and prints plain lines otherwise (a log file, CI).</param>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CommandConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
