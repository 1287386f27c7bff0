using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>
/// Applies the <see cref="FaultInjector"/>'s decision to each request. Sandbox-only paths (<c>/_sandbox/...</c>) are
/// never faulted, so a test can always list and clear its rules. Delays run on real time, not the sandbox clock:
/// they simulate the network, and a frozen test clock must not freeze the wire.
/// </summary>
public sealed partial class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector, ILogger<FaultInjectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_sandbox", StringComparison.OrdinalIgnoreCase)
            || injector.Decide(context.Request.Method, path) is not { } decision)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        LogFault(logger, decision.RuleId, decision.Kind, context.Request.Method, path);
        var aborted = context.RequestAborted;
        if (decision.Latency > TimeSpan.Zero && !await DelayAsync(decision.Latency, aborted).ConfigureAwait(false))
        {
            return;
        }

        switch (decision.Kind)
        {
            case FaultKind.Latency:
                await next(context).ConfigureAwait(false);
                break;
            case FaultKind.Status:
                context.Response.StatusCode = decision.StatusCode;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(
                    "{\"name\":\"sandbox_fault\",\"description\":\"Injected by sandbox fault rule " + decision.RuleId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".\"}",
                    aborted).ConfigureAwait(false);
                break;
            case FaultKind.Drop:
                context.Abort();
                break;
            case FaultKind.Hang:
                await DelayAsync(decision.HangCap, aborted).ConfigureAwait(false);
                context.Abort();
                break;
            case FaultKind.ApplyThenDrop:
                await ApplyWithoutAnsweringAsync(context).ConfigureAwait(false);
                context.Abort();
                break;
            case FaultKind.ApplyThenHang:
                await ApplyWithoutAnsweringAsync(context).ConfigureAwait(false);
                await DelayAsync(decision.HangCap, aborted).ConfigureAwait(false);
                context.Abort();
                break;
        }
    }

    /// <summary>Runs the endpoint with its response captured in memory, so neither headers nor body reach the client.</summary>
    private async Task ApplyWithoutAnsweringAsync(HttpContext context)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>();
        using var captured = new MemoryStream();
        var sink = new StreamResponseBodyFeature(captured);
        context.Features.Set<IHttpResponseBodyFeature>(sink);
        try
        {
            // The endpoint sees the request as if nothing were wrong; its effects (a refund, a capture) stay applied.
            await next(context).ConfigureAwait(false);
            await sink.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up; nothing left to answer.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault rule {RuleId} applies {Fault} to {Method} {Path}")]
    private static partial void LogFault(ILogger logger, int ruleId, FaultKind fault, string method, string path);
}
