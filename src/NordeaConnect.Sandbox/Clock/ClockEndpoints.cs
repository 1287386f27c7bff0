using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>The sandbox-only test clock: <c>GET /_sandbox/clock</c> shows it, <c>POST /_sandbox/clock</c> moves it.</summary>
public static class ClockEndpoints
{
    // Bodies are tiny; anything larger is not a clock request.
    private const int MaximumBodyBytes = 4096;

    /// <summary>Maps <c>/_sandbox/clock</c>.</summary>
    public static RouteGroupBuilder MapSandboxClockEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/_sandbox/clock");
        group.MapGet("/", Show);
        group.MapPost("/", MoveAsync);
        return group;
    }

    private static JsonHttpResult<ClockState> Show(SandboxClock clock) =>
        TypedResults.Json(new ClockState(clock.GetUtcNow(), clock.IsFrozen), ClockJsonContext.Default.ClockState);

    private static async Task<Results<JsonHttpResult<ClockState>, JsonHttpResult<SandboxEndpointError>>> MoveAsync(
        HttpRequest request, SandboxClock clock, ClockPulse pulse, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse("body_too_large", "The clock request body must be at most " + MaximumBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes.");
        }

        if (!ClockMoveRequest.TryParse(body, out var move, out var error))
        {
            return Refuse("invalid_clock_request", error);
        }

        if (move.Freeze == true)
        {
            clock.Freeze();
        }

        try
        {
            if (move.AdvanceBy is { } by)
            {
                clock.Advance(by);
            }
            else if (move.To is { } to)
            {
                clock.SetTo(to);
            }
        }
        catch (ArgumentOutOfRangeException exception)
        {
            return Refuse("clock_cannot_go_back", exception.Message.Split(" (Parameter", 2)[0]);
        }

        if (move.Freeze == false)
        {
            clock.Resume();
        }

        // Everything that fell due is attempted before the caller hears back, so tests can assert right after.
        var now = await pulse.PulseAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new ClockState(now, clock.IsFrozen), ClockJsonContext.Default.ClockState);
    }

    private static JsonHttpResult<SandboxEndpointError> Refuse(string name, string description) =>
        TypedResults.Json(new SandboxEndpointError(name, description), ClockJsonContext.Default.SandboxEndpointError, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
