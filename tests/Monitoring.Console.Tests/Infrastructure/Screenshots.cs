namespace Monitoring.Console.Tests.Infrastructure;

using Microsoft.Playwright;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>Screenshots of the main views, saved to docs/img/ (shown in the README's "Console" section).</summary>
public static class Screenshots
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "docs", "img");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name), FullPage = false });
    }
}
