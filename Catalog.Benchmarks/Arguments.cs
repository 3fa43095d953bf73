namespace Catalog.Benchmarks;

/// <summary><c>--name value</c> pairs after the command name; a name without a value is a switch.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                    values[pending] = "";
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }
        if (pending is not null)
            values[pending] = "";
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required.");

    public string Optional(string name, string fallback) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
