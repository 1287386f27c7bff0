using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NordeaConnect.Sandbox.Tests.Clock;

namespace NordeaConnect.Sandbox.Tests.Webhooks.Delivery;

/// <summary>A merchant's webhook endpoint on 127.0.0.1 that records what it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _flakyFailuresLeft;
    private LoopbackApp _app = null!;

    public Uri Address => _app.Address;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(int flakyFailures = 0)
    {
        var receiver = new WebhookReceiver { _flakyFailuresLeft = flakyFailures };
        receiver._app = await LoopbackApp.StartAsync(_ => { }, app => app.Run(receiver.HandleAsync));
        return receiver;
    }

    public Uri Url(string pathAndQuery) => new(Address, pathAndQuery);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType,
            body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        switch (context.Request.Path.Value)
        {
            case "/fail":
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("boom");
                break;
            case "/redirect":
                context.Response.Redirect("/ok");
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
                break;
            case "/flaky" when Interlocked.Decrement(ref _flakyFailuresLeft) >= 0:
                context.Response.StatusCode = 503;
                break;
            default:
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync("thanks");
                break;
        }
    }
}

public sealed record ReceivedRequest(string Method, string Path, string Query, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers);
