namespace Monitoring.Host.OperatorConsole;

using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

/// <summary>
/// The operator console (wwwroot/index.html and the bundle the build makes from ClientApp/ into
/// wwwroot/dist/). Static files are anonymous: this runs before authentication and authorization,
/// so the page loads without a token and signs in itself. (Namespace avoids "Console", which would
/// hide System.Console inside Monitoring.Host.)
/// </summary>
public static class ConsoleRegistration
{
    public static WebApplication MapConsole(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json"; // the basemap under wwwroot/data/
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                // index.html and the bundle keep their names across builds: always revalidate.
                context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        return app;
    }
}
