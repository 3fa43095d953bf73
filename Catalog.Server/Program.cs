using Catalog.Server.Commands;

return await CommandLine.RunAsync(args);
