using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Gateway.Notifications.Dispatch;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

/// <summary>How the receiver answers for now.</summary>
internal enum ReceiverMode
{
    Up,

    /// <summary>Answers 503 to everything.</summary>
    Down,

    /// <summary>Never answers (until the sender gives up or the receiver is disposed).</summary>
    Hanging,
}

/// <summary>A notification_url receiver on Kestrel, 127.0.0.1, a free port: records what it accepted, in arrival order.</summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<ReceivedNotification> _accepted = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refused;

    private NotificationReceiver(WebApplication app) => _app = app;

    public ReceiverMode Mode { get; set; }

    /// <summary>Versions this receiver answers 500 for, always (to drive a delivery to its horizon).</summary>
    public HashSet<long> FailingVersions { get; } = [];

    public Uri Url { get; private set; } = null!;

    public int Refused => Volatile.Read(ref _refused);

    public IReadOnlyList<ReceivedNotification> Accepted => _accepted.ToArray();

    public static async Task<NotificationReceiver> StartAsync(ReceiverMode mode = ReceiverMode.Up)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new NotificationReceiver(app) { Mode = mode };
        app.MapPost("/notify/{name}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/notify/main");
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over what was accepted (the test's own timeout bounds it).</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<ReceivedNotification>, bool> condition, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var arrived = Volatile.Read(ref _arrived).Task;
            if (condition(Accepted))
            {
                return;
            }

            await arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var version = long.Parse(request.Headers[NotificationSender.VersionHeader].ToString(), CultureInfo.InvariantCulture);
        switch (Mode)
        {
            case ReceiverMode.Hanging:
                await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return HttpResults.StatusCode(503);
            case ReceiverMode.Down:
                Interlocked.Increment(ref _refused);
                return HttpResults.StatusCode(503);
        }

        if (FailingVersions.Contains(version))
        {
            Interlocked.Increment(ref _refused);
            return HttpResults.StatusCode(500);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var traceParent = request.Headers["traceparent"].ToString();
        _accepted.Enqueue(new ReceivedNotification(request.Headers[NotificationSender.EntityHeader].ToString(), version, body, request.ContentType ?? string.Empty, traceParent.Length == 0 ? null : traceParent));
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return HttpResults.Ok();
    }
}

/// <param name="TraceParent">The W3C <c>traceparent</c> header the POST carried, or null.</param>
internal sealed record ReceivedNotification(string Entity, long Version, string Body, string ContentType, string? TraceParent);
