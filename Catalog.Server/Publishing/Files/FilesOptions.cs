using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Publishing.Files;

/// <summary>Configuration section <c>Catalog:Files</c>: uploaded logos, screenshots and documents.</summary>
public sealed class FilesOptions : IValidatableObject
{
    public const string Section = "Catalog:Files";

    /// <summary>Folder of the stored bytes; empty: <c>files</c> beside the database file.</summary>
    public string StoragePath { get; set; } = "";

    /// <summary>Largest single file.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest upload request, all its parts together.</summary>
    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most <c>file[]</c> parts in one request.</summary>
    [Range(1, 100)]
    public int MaxFilesPerRequest { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRequestBytes < MaxFileBytes)
            yield return new ValidationResult("MaxRequestBytes must be at least MaxFileBytes.", [nameof(MaxRequestBytes)]);
    }
}
