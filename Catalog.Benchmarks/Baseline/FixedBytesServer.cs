namespace Catalog.Benchmarks.Baseline;

/// <summary>
/// <c>fixed</c>: Kestrel with nothing but one endpoint that answers the same bytes to every GET, with the
/// content type our server sends. What ASP.NET Core costs before any catalog work.
/// </summary>
public static class FixedBytesServer
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var body = await File.ReadAllBytesAsync(args.Required("file"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(args.Required("urls"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "application/xml; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }
}
