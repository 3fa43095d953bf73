using Microsoft.Playwright;

namespace Catalog.Tests.Support;

/// <summary>
/// Headless Chromium from the machine (Debian's <c>chromium</c>, which <c>.ci/run</c> installs) driven by
/// Playwright; Playwright's own browser download is never used. Screenshots go to the test output folder
/// and are attached to the test that took them.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary><c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium not found at {ExecutablePath}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Tests run as root in CI, where Chromium's sandbox cannot start; the pages are our own.
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (no cookies, no cache) on the server; a phone-sized one on request.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool phone = false, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            BypassCSP = bypassCsp,
            Locale = "en-US",
        });
        // Listing images point at publishers' sites; tests stay on this machine.
        await context.RouteAsync(url => !url.StartsWith(baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal),
            route => route.AbortAsync());
        return await context.NewPageAsync();
    }

    /// <summary>A PNG (of the whole page unless told otherwise) in <c>screenshots/</c> of the test output folder, attached to the running test.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, $"{name}: {page.Url}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
