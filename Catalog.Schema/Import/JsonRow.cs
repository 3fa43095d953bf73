using System.Text.Json;

namespace Catalog.Schema.Import;

/// <summary>
/// Tolerant field access on one exported document: absent and null fields read as absent, and a field of the
/// wrong type is reported and read as absent too, so one odd value never costs the whole row.
/// </summary>
internal sealed class JsonRow(JsonElement element, string source, string key, ImportIssueLog log)
{
    public string Source { get; } = source;

    public string Key { get; } = key;

    public void Report(ImportIssueKind kind, string reason) => log.Add(kind, Source, Key, reason);

    public string? String(string name) =>
        Field(name, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

    /// <summary>Strings and numbers both, for codes the export could as well have written as numbers.</summary>
    public string? Scalar(string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                Report(ImportIssueKind.InvalidField, $"'{name}' is {Describe(value)}, expected a string or a number");
                return null;
        }
    }

    public int? Int(string name)
    {
        if (Field(name, JsonValueKind.Number, "an integer") is not { } value)
            return null;
        if (value.TryGetInt32(out var number))
            return number;
        Report(ImportIssueKind.InvalidField, $"'{name}' is {value.GetRawText()}, expected an integer");
        return null;
    }

    public bool? Bool(string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                Report(ImportIssueKind.InvalidField, $"'{name}' is {Describe(value)}, expected true or false");
                return null;
        }
    }

    public JsonRow? Object(string name) =>
        Field(name, JsonValueKind.Object, "an object") is { } value ? new JsonRow(value, Source, Key, log) : null;

    /// <summary>The objects of an array field; other items are reported and left out.</summary>
    public IEnumerable<JsonRow> Objects(string name)
    {
        foreach (var item in Items(name))
        {
            if (item.ValueKind == JsonValueKind.Object)
                yield return new JsonRow(item, Source, Key, log);
            else
                Report(ImportIssueKind.InvalidField, $"an item of '{name}' is {Describe(item)}, expected an object");
        }
    }

    /// <summary>The strings of an array field, untrimmed; other items are reported and left out.</summary>
    public IEnumerable<string> Strings(string name)
    {
        foreach (var item in Items(name))
        {
            if (item.ValueKind == JsonValueKind.String)
                yield return item.GetString()!;
            else if (item.ValueKind != JsonValueKind.Null)
                Report(ImportIssueKind.InvalidField, $"an item of '{name}' is {Describe(item)}, expected a string");
        }
    }

    private IEnumerable<JsonElement> Items(string name) =>
        Field(name, JsonValueKind.Array, "an array") is { } value ? value.EnumerateArray() : [];

    private JsonElement? Field(string name, JsonValueKind kind, string expected)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == kind)
            return value;
        Report(ImportIssueKind.InvalidField, $"'{name}' is {Describe(value)}, expected {expected}");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => value.GetRawText(),
    };
}
