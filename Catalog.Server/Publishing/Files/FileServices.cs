using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Server.Publishing.Files;

public static class FileServices
{
    /// <summary>Options, the upload reader and the file-system storage (TryAdd: a host or test may bring its own storage).</summary>
    public static IServiceCollection AddPublisherFiles(this IServiceCollection services)
    {
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFileStorage, FileSystemFileStorage>();
        services.AddSingleton<FileUploadReader>();
        return services;
    }
}
