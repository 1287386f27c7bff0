using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NordeaConnect.Client.Tests.Stub;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1 (dynamic port) standing in for Nordea Connect: it records every request as it
/// arrived and answers with whatever the test's handler decides. Real HTTP, so the client's handler, headers,
/// encoding and resilience are exercised for real.
/// </summary>
public sealed class StubUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<HttpContext, RecordedRequest, Task> _handler;

    private StubUpstream(WebApplication app, Func<HttpContext, RecordedRequest, Task> handler)
    {
        _app = app;
        _handler = handler;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<StubUpstream> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubUpstream(app, handler);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.BaseAddress = new Uri(address);
        return stub;
    }

    /// <summary>Answers every request with the same JSON and status.</summary>
    public static Task<StubUpstream> StartAsync(string json, int status = 200, string? contentRange = null) =>
        StartAsync((context, _) => Respond(context, json, status, contentRange));

    public void Answer(Func<HttpContext, RecordedRequest, Task> handler) => _handler = handler;

    public static async Task Respond(HttpContext context, string json, int status = 200, string? contentRange = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (contentRange is not null)
        {
            context.Response.Headers["Content-Range"] = contentRange;
        }

        await context.Response.WriteAsync(json);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty,
            context.Request.Headers.ContentType.ToString() is { Length: > 0 } type ? type : null,
            body,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.Headers["X-Correlation-Id"].ToString() is { Length: > 0 } id ? id : null);
        _requests.Enqueue(recorded);
        await _handler(context, recorded);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
