using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>
/// Renders a dashboard page (a Razor component) to HTML on the server. Razor encodes every value it writes, so
/// whatever a merchant stored (payment_ref, template bodies, metadata) reaches the page as text, never as markup.
/// </summary>
internal sealed class DashboardPageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<IResult> RenderAsync<TPage>(IDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
            return root.ToHtmlString();
        }).ConfigureAwait(false);
        return TypedResults.Content("<!DOCTYPE html>\n" + html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
