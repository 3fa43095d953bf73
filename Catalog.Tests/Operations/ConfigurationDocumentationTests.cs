using System.Collections;
using System.Globalization;
using System.Reflection;
using Catalog.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Catalog.Tests.Operations;

/// <summary>
/// Every setting of every options class (a class with a <c>Section</c> constant) is in the README's settings
/// table and in the shipped appsettings.json, with the default the code has.
/// </summary>
public sealed class ConfigurationDocumentationTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Catalog.Schema.Store.StoreOptions).Assembly,
        typeof(Catalog.Search.SearchOptions).Assembly,
        typeof(Catalog.Server.Commands.CommandLine).Assembly,
    ];

    public static IEnumerable<TestCaseData> Settings()
    {
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field)
                continue;
            var section = (string)field.GetRawConstantValue()!;
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                yield return new TestCaseData($"{section}:{property.Name}", Format(property.GetValue(defaults))).SetArgDisplayNames($"{section}:{property.Name}");
        }
    }

    [Test]
    public void There_are_options_classes_to_check() => Assert.That(Settings().Count(), Is.GreaterThan(15));

    [Test]
    public void The_settings_check_knows_every_options_class()
    {
        // An options class missing there would make each of its settings an "unknown setting" at start.
        var discovered = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .Select(t => ((string)t.GetField("Section")!.GetRawConstantValue()!, t));
        Assert.That(Catalog.Server.Hosting.CatalogSettings.Sections, Is.EquivalentTo(discovered));
    }

    [TestCaseSource(nameof(Settings))]
    public void README_lists_the_setting_with_its_default(string key, string codeDefault)
    {
        var table = ReadmeSettings();
        Assert.That(table.ContainsKey(key), $"README.md's Configuration table has no row for `{key}`");
        Assert.That(table[key], Is.EqualTo(codeDefault), $"README.md's default of `{key}`");
    }

    [TestCaseSource(nameof(Settings))]
    public void Shipped_appsettings_holds_the_setting_with_its_default(string key, string codeDefault)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(ReferenceData.RepositoryRoot, "Catalog.Server", "appsettings.json"), optional: false)
            .Build();
        var section = configuration.GetSection(key);
        var children = section.GetChildren().Select(c => c.Value).ToList();
        var value = section.Value ?? string.Join(',', children);
        Assert.That(section.Exists() || HoldsEmptyList(key), $"appsettings.json has no {key}");
        // JSON's true/false reach configuration as "True"/"False".
        Assert.That(bool.TryParse(value, out var flag) ? Format(flag) : value, Is.EqualTo(codeDefault), $"appsettings.json's {key}");
    }

    private static bool HoldsEmptyList(string key)
    {
        // An empty JSON array adds no configuration key at all; look for it in the text instead.
        var text = File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot, "Catalog.Server", "appsettings.json"));
        return text.Contains($"\"{key[(key.LastIndexOf(':') + 1)..]}\": []", StringComparison.Ordinal);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(',', items.Cast<object>()),
        _ => value.ToString() ?? "",
    };

    /// <summary>Rows of the table under "## Configuration": setting → default, "empty" read as "".</summary>
    private static Dictionary<string, string> ReadmeSettings()
    {
        var readme = File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "README.md has no Configuration section");
        var next = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in readme[start..(next < 0 ? readme.Length : next)].Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
                continue;
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var value = cells[2] == "empty" ? "" : cells[2].Trim('`');
            rows[cells[1].Trim('`')] = value;
        }
        return rows;
    }
}
