using System.Runtime.InteropServices;

namespace Catalog.Benchmarks.Reporting;

/// <summary>What the figures were measured on, read from /proc and the runtime.</summary>
public sealed record MachineDescription(string Cpu, int Cores, string Memory, string Os, string DotNet)
{
    public static MachineDescription Read()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GiB" : "unknown";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return new MachineDescription(cpu, Environment.ProcessorCount, memory, $"{os}, kernel {Environment.OSVersion.Version}",
            RuntimeInformation.FrameworkDescription);
    }

    private static string? ReadField(string file, string name, char separator = ':')
    {
        if (!File.Exists(file))
            return null;
        foreach (var line in File.ReadLines(file))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == name)
                return line[(at + 1)..].Trim();
        }
        return null;
    }
}
