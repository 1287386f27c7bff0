using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>
/// <c>/_sandbox/faults</c>: POST adds a rule (201 with its id), GET lists rules with how often each applied,
/// DELETE clears them all, DELETE <c>/_sandbox/faults/{id}</c> removes one.
/// </summary>
public static class FaultEndpoints
{
    private const int MaximumBodyBytes = 8192;

    /// <summary>Maps <c>/_sandbox/faults</c>.</summary>
    public static RouteGroupBuilder MapSandboxFaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/_sandbox/faults");
        group.MapGet("/", (FaultInjector injector) => TypedResults.Json(injector.List(), FaultJsonContext.Default.IReadOnlyListFaultRule));
        group.MapPost("/", AddAsync);
        group.MapDelete("/", (FaultInjector injector) =>
        {
            injector.Clear();
            return TypedResults.NoContent();
        });
        group.MapDelete("/{id:int}", Results<NoContent, NotFound> (int id, FaultInjector injector) =>
            injector.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound());
        return group;
    }

    private static async Task<Results<JsonHttpResult<FaultRule>, JsonHttpResult<SandboxEndpointError>>> AddAsync(
        HttpRequest request, FaultInjector injector, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse("The fault rule body must be at most 8192 bytes.");
        }

        FaultRuleSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize(body, FaultJsonContext.Default.FaultRuleSpec);
        }
        catch (JsonException exception)
        {
            return Refuse("The fault rule is not valid: " + exception.Message);
        }

        if (spec is null)
        {
            return Refuse("The body must be a JSON object describing a fault rule.");
        }

        try
        {
            var rule = injector.Add(spec);
            return TypedResults.Json(rule, FaultJsonContext.Default.FaultRule, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException exception)
        {
            return Refuse(exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The body, or null as soon as it proves longer than the limit (never buffering more than that).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaximumBodyBytes)
        {
            return null;
        }

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

    private static JsonHttpResult<SandboxEndpointError> Refuse(string description) =>
        TypedResults.Json(new SandboxEndpointError("invalid_fault_rule", description), FaultJsonContext.Default.SandboxEndpointError, statusCode: StatusCodes.Status400BadRequest);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultRuleSpec))]
[JsonSerializable(typeof(FaultRule))]
[JsonSerializable(typeof(IReadOnlyList<FaultRule>))]
[JsonSerializable(typeof(SandboxEndpointError))]
internal sealed partial class FaultJsonContext : JsonSerializerContext;
