using System.Globalization;
using System.Xml;
using System.Xml.Schema;

namespace Catalog.Tests.Support;

/// <summary>
/// Validates protocol responses against the repository's <c>mpc-rest.xsd</c>.
/// The schema is read and compiled once, lazily and thread-safely; the compiled set is only read afterwards,
/// so tests may validate in parallel. DTDs are prohibited and nothing external is resolved.
/// </summary>
public static class MpcSchema
{
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled schema set (for tests that inspect the schema itself).</summary>
    public static XmlSchemaSet SchemaSet => Compiled.Value;

    /// <summary>
    /// Validates <paramref name="xml"/> and returns every problem as "line L, column C: message"
    /// (errors and warnings alike, including well-formedness errors); empty when the document is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(xml, writable: false);
        return Validate(stream);
    }

    /// <inheritdoc cref="Validate(byte[])"/>
    public static IReadOnlyList<string> Validate(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = Compiled.Value,
            // Warnings matter: an element in a namespace the schema does not describe (a qualified
            // <marketplace xmlns="...">, say) only raises a "could not find schema information" warning
            // and would otherwise pass silently.
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add(Describe(e.Severity, e.Exception.LineNumber, e.Exception.LinePosition, e.Message));
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            problems.Add(Describe(XmlSeverityType.Error, e.LineNumber, e.LinePosition, e.Message));
        }
        return problems;
    }

    /// <summary>Fails the current test, listing every problem, unless <paramref name="xml"/> is valid.</summary>
    /// <param name="xml">The response body.</param>
    /// <param name="because">What is being validated, e.g. "GET /featured/api/p".</param>
    public static void AssertValid(byte[] xml, string because)
    {
        var problems = Validate(xml);
        if (problems.Count > 0)
        {
            Assert.Fail($"{because}: {problems.Count} problem(s) against mpc-rest.xsd:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static string Describe(XmlSeverityType severity, int line, int column, string message) =>
        string.Create(CultureInfo.InvariantCulture,
            $"line {line}, column {column}: {(severity == XmlSeverityType.Warning ? "warning: " : "")}{message}");

    private static XmlSchemaSet Load()
    {
        var path = ReferenceData.SchemaFile;
        var problems = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = null };
        set.ValidationEventHandler += (_, e) => problems.Add(Describe(e.Severity, e.Exception.LineNumber, e.Exception.LinePosition, e.Message));
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var reader = XmlReader.Create(path, readerSettings))
        {
            var schema = XmlSchema.Read(reader, (_, e) => problems.Add(Describe(e.Severity, e.Exception.LineNumber, e.Exception.LinePosition, e.Message)))
                ?? throw new InvalidOperationException(path + " is not a schema");
            set.Add(schema);
        }
        set.Compile();
        if (problems.Count > 0)
            throw new InvalidOperationException($"{path} does not compile:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return set;
    }
}
