using System.Runtime.CompilerServices;
using System.Text;

namespace Catalog.Tests.Support;

/// <summary>
/// Golden-file comparison in the manner of Verify (not served here): the text is compared with
/// <c>Approved/{name}.approved.xml</c> beside the calling test's source. A mismatch writes
/// <c>{name}.received.xml</c> for a diff; <c>UPDATE_APPROVED=1</c> accepts the received text instead.
/// </summary>
public static class Approvals
{
    public const string UpdateVariable = "UPDATE_APPROVED";

    public static void Verify(string received, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        Directory.CreateDirectory(directory);
        var approvedPath = Path.Combine(directory, name + ".approved.xml");
        var receivedPath = Path.Combine(directory, name + ".received.xml");
        received = received.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(approvedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(approvedPath))
        {
            File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
            Assert.Fail($"No approved file {approvedPath}; wrote {receivedPath}. Review it, then run with {UpdateVariable}=1.");
        }
        var approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.That(received, Is.EqualTo(approved), $"{name} differs from its approved file; see {receivedPath}");
    }
}
