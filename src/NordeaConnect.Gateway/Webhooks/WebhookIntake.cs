using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Receives one webhook delivery: checks the shared secret, the trigger, the content type and size, takes the entity
/// id from the body (and nothing else), records the event in the inbox, then re-reads the entity. Answers 200 when
/// applied or a duplicate, 202 when recorded but the re-read must wait (the inbox retries it), 4xx naming what is
/// wrong with the delivery, and 503 when the event could not be recorded, so that upstream retries.
/// </summary>
internal sealed partial class WebhookIntake(
    IWebhookInbox inbox,
    WebhookEventApplier applier,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    private static readonly string TriggerList = string.Join(", ", WebhookTriggers.KindByTrigger.Keys);
    private readonly WebhookIntakeOptions _options = options.Value;
    private readonly byte[]? _secret = options.Value.SharedSecret is { } secret ? Encoding.UTF8.GetBytes(secret) : null;

    public async Task<IResult> ReceiveAsync(HttpContext http, string trigger)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (!Authorized(request))
        {
            return Answer(StatusCodes.Status401Unauthorized, "unauthorized", "the delivery carries no valid " + WebhookIntakeOptions.TokenHeader + " header");
        }

        if (!WebhookTriggers.TryGetKind(trigger, out var kind))
        {
            var shown = trigger.Length > 64 ? trigger[..64] + "..." : trigger;
            return Answer(StatusCodes.Status404NotFound, "unknown_trigger", "'" + shown + "' is not a webhook trigger; the last path segment must be one of " + TriggerList);
        }

        if (!WebhookBodyReader.TryGetFormat(request.ContentType, out var format))
        {
            return Answer(StatusCodes.Status415UnsupportedMediaType, "unsupported_content_type", "Content-Type must be application/json, application/x-www-form-urlencoded or application/xml (UTF-8)");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request, _options.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        if (!WebhookBodyReader.TryReadId(body, format, kind, out var id, out var error))
        {
            return Answer(StatusCodes.Status400BadRequest, "malformed_body", error);
        }

        var entity = new EntityKey(kind, id).ToString();
        var webhookEvent = new WebhookEvent(EventKey(trigger, kind, id, body), trigger, kind, id);
        InboxAdmission admission;
        try
        {
            // The request's span: a retry by the inbox processor, however late, continues this trace.
            admission = await inbox.AdmitAsync(webhookEvent, DeliveryTrace.Of(Activity.Current), time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogNotRecorded(logger, failure, trigger, kind, id);
            return Answer(StatusCodes.Status503ServiceUnavailable, "inbox_unavailable", "the event could not be recorded; deliver it again later");
        }

        if (!admission.IsNew)
        {
            return admission.State == InboxState.Rejected
                ? Answer(StatusCodes.Status404NotFound, "unknown_entity", "upstream has no " + kind + " with this id", entity)
                : HttpResults.Json(new WebhookIntakeAnswer("duplicate", Entity: entity), WebhookIntakeJsonContext.Default.WebhookIntakeAnswer, statusCode: StatusCodes.Status200OK);
        }

        // Not the request's token: once recorded, the event is applied even if upstream hangs up meanwhile.
        using var timeout = new CancellationTokenSource(_options.InlineRefreshTimeout);
        var outcome = await applier.ApplyAsync(webhookEvent, 0, timeout.Token).ConfigureAwait(false);
        return outcome.Result switch
        {
            WebhookRefreshResult.Applied => HttpResults.Json(new WebhookIntakeAnswer("applied", Entity: entity, Version: outcome.Version, Changed: outcome.Changed), WebhookIntakeJsonContext.Default.WebhookIntakeAnswer),
            WebhookRefreshResult.NotFound => Answer(StatusCodes.Status404NotFound, "unknown_entity", "upstream has no " + kind + " with this id", entity),
            _ => HttpResults.Json(new WebhookIntakeAnswer("accepted", Message: "recorded; the " + kind + " is re-read when upstream answers", Entity: entity), WebhookIntakeJsonContext.Default.WebhookIntakeAnswer, statusCode: StatusCodes.Status202Accepted),
        };
    }

    private static IResult Answer(int status, string error, string message, string? entity = null) =>
        HttpResults.Json(new WebhookIntakeAnswer("refused", error, message, entity), WebhookIntakeJsonContext.Default.WebhookIntakeAnswer, statusCode: status);

    private IResult TooLarge() =>
        Answer(StatusCodes.Status413PayloadTooLarge, "body_too_large", "the body is larger than " + _options.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes");

    private bool Authorized(HttpRequest request)
    {
        if (_secret is null)
        {
            return true;
        }

        var given = request.Headers[WebhookIntakeOptions.TokenHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _secret);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    /// <summary>Upstream retries one webhook with the same body, so trigger, entity and body identify the event.</summary>
    private static string EventKey(string trigger, string kind, long id, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(trigger + "\n" + new EntityKey(kind, id) + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Trigger} for {EntityKind} {EntityId} could not be recorded in the inbox; answered 503 so upstream retries")]
    private static partial void LogNotRecorded(ILogger logger, Exception failure, string trigger, string entityKind, long entityId);
}
