namespace Catalog.Schema.Model;

/// <summary>A free-tagging term; <c>fileExtension_*</c> and <c>nature_*</c> tags drive the IDE's discovery.</summary>
public sealed record Tag(int Id, string Name);
