using System.Reflection;
using Catalog.Schema.Store;

namespace Catalog.Tests.Support;

/// <summary>
/// The real store, except that one call of a chosen method fails (a lock, a full disk, a cancelled request):
/// for forcing a failure at an exact point of a workflow that reads the store several times.
/// </summary>
public class FailingStore : DispatchProxy
{
    private ICatalogStore _inner = null!;
    private string _method = "";
    private int _failOnCall;
    private int _calls;

    /// <param name="failOnCall">Which call of <paramref name="method"/> fails, counting from 1.</param>
    public static ICatalogStore Wrap(ICatalogStore inner, string method, int failOnCall)
    {
        var proxy = Create<ICatalogStore, FailingStore>();
        var failing = (FailingStore)(object)proxy;
        (failing._inner, failing._method, failing._failOnCall) = (inner, method, failOnCall);
        return proxy;
    }

    public int Calls => _calls;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == _method && Interlocked.Increment(ref _calls) == _failOnCall)
            throw new IOException($"{_method} failed on call {_failOnCall}, as the test asked.");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
