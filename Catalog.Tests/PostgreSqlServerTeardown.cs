using Catalog.Tests.Support;

namespace Catalog.Tests;

/// <summary>
/// Stops the run's PostgreSQL cluster, if a test started it, when every test is done. In the root namespace
/// because a set-up fixture covers only its own namespace and those below.
/// </summary>
[SetUpFixture]
public sealed class PostgreSqlServerTeardown
{
    [OneTimeTearDown]
    public Task StopAsync() => PostgreSqlServer.StopSharedAsync();
}
