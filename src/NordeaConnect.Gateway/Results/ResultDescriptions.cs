using System.Collections.Frozen;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>The standard description of a result code, for results whose cause has no more specific text.</summary>
public static class ResultDescriptions
{
    private static readonly FrozenDictionary<ResultCode, string> Known = new Dictionary<ResultCode, string>
    {
        [ResultCode.Success] = "Request successfully processed",
        [ResultCode.TestModeSuccess] = "Request successfully processed in test mode",
        [ResultCode.Pending] = "Transaction pending",
        [ResultCode.Authorized] = "Transaction authorized; capture to complete it",
        [ResultCode.InvalidArgument] = "The request is invalid",
        [ResultCode.InvalidAmount] = "The amount is invalid",
        [ResultCode.InvalidCurrency] = "The currency is invalid",
        [ResultCode.InvalidPaymentRef] = "The payment_ref is invalid",
        [ResultCode.RefundExceedsAvailable] = "The refund exceeds what was captured and not yet refunded",
        [ResultCode.CaptureNotAuthorized] = "The transaction is not authorized, so it cannot be captured",
        [ResultCode.CaptureExceedsAuthorized] = "The capture exceeds the authorized amount",
        [ResultCode.RefundNotAllowed] = "The transaction cannot be refunded (again)",
        [ResultCode.CardDetailsLocked] = "Card details cannot change once the transaction is approved",
        [ResultCode.StoredCardNotUsable] = "The stored card is inactive, deleted or expired",
        [ResultCode.NotFound] = "No such entity",
        [ResultCode.IdempotencyKeyReused] = "The idempotency key was used for a different request",
        [ResultCode.IdempotencyKeyMalformed] = "The idempotency key is malformed",
        [ResultCode.Unauthenticated] = "Missing or invalid access token",
        [ResultCode.PermissionDenied] = "The access token lacks the scope this call needs",
        [ResultCode.UpstreamRejected] = "Nordea Connect refused the request",
        [ResultCode.UpstreamNotFound] = "Nordea Connect does not know this entity",
        [ResultCode.UpstreamDeclined] = "Nordea Connect declined the payment",
        [ResultCode.UpstreamTimeout] = "Nordea Connect did not answer in time",
        [ResultCode.UpstreamUnavailable] = "Nordea Connect could not be reached or failed",
        [ResultCode.OutcomeUnknown] = "The outcome is unknown until the gateway reconciles it with Nordea Connect; read the entity back",
        [ResultCode.UpstreamAuthenticationFailed] = "Nordea Connect refused the gateway's merchant credentials",
        [ResultCode.InternalError] = "The gateway failed to process the request",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> UpstreamRows = UpstreamErrorTable.All
        .GroupBy(e => e.ResultCode.Value, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);

    public static string For(ResultCode code)
    {
        if (Known.TryGetValue(code, out var text) || UpstreamRows.TryGetValue(code.Value, out text))
        {
            return text;
        }

        return code.Kind switch
        {
            ResultCodeKind.Success => "Request successfully processed",
            ResultCodeKind.GatewayRefused => "The gateway refused the request",
            ResultCodeKind.UpstreamValidation => "Nordea Connect refused the request",
            ResultCodeKind.Declined => "Nordea Connect declined the payment",
            _ => "Communication or system trouble",
        };
    }
}
