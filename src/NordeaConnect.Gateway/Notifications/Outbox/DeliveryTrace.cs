using System.Diagnostics;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>
/// The W3C trace context (<c>traceparent</c>, <c>tracestate</c>) of the call that recorded a change, kept with each of
/// its deliveries so that the POST to every receiver continues that call's trace, however late it goes out. Only the
/// two W3C fields are kept: baggage is the callers' own and is never stored.
/// </summary>
/// <param name="TraceParent">Version, trace id, parent span id and flags, e.g. <c>00-4bf9…-00f0…-01</c>.</param>
/// <param name="TraceState">Vendors' trace state, or null.</param>
public sealed record DeliveryTrace(string TraceParent, string? TraceState)
{
    /// <summary>What W3C asks propagators to keep at least; a longer trace state is dropped rather than stored.</summary>
    public const int MaxTraceStateLength = 512;

    /// <summary>The trace context of <paramref name="activity"/>, or null when there is none in W3C form.</summary>
    public static DeliveryTrace? Of(Activity? activity)
    {
        if (activity is not { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            return null;
        }

        var state = activity.TraceStateString;
        return new DeliveryTrace(id, state is { Length: > 0 and <= MaxTraceStateLength } ? state : null);
    }

    /// <summary>The stored context as the parent of the delivery's span; false when what is stored does not parse.</summary>
    public bool TryGetParent(out ActivityContext parent) => ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out parent);
}
