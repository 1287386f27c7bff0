using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>A transaction as the sandbox stores it; immutable, replaced as a whole under the merchant's lock.</summary>
internal sealed record TransactionRecord
{
    public required long Id { get; init; }

    public required string MerchantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What the customer pays; after a capture, what was captured.</summary>
    public required Amount Amount { get; init; }

    public Amount? VatAmount { get; init; }

    public required CurrencyCode Currency { get; init; }

    public string? PaymentRef { get; init; }

    public required string Status { get; init; }

    public required bool Test { get; init; }

    public bool Authorize { get; init; }

    /// <summary>What <c>authorize=true</c> reserved; a capture may take up to this.</summary>
    public Amount AuthorizedAmount { get; init; }

    public ImmutableList<CaptureRecord> Captures { get; init; } = [];

    public Amount RefundedAmount { get; init; }

    public ImmutableList<long> RefundIds { get; init; } = [];

    public PaymentCard? Card { get; init; }

    /// <summary>credit_card, stored_card, recurring, bank, swish, ... (the reference's payment types).</summary>
    public string? TransactionType { get; init; }

    /// <summary>apple_pay, mobile_pay or vipps when a wallet carried the card.</summary>
    public string? WalletType { get; init; }

    /// <summary>credit_card, recurring, stored, invoice, swish, paypal, bank.</summary>
    public string? PaymentMethod { get; init; }

    public long? CustomerId { get; init; }

    public long? StoredCardId { get; init; }

    public long? SubscriptionId { get; init; }

    public required string HrefToken { get; init; }

    public string? SuccessUrl { get; init; }

    public string? ErrorUrl { get; init; }

    public long? TemplateId { get; init; }

    public JsonElement? Metadata { get; init; }

    public JsonElement? Items { get; init; }

    public RecordedError? Error { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public ImmutableList<long> WebhookIds { get; init; } = [];

    public string? RequestHash { get; init; }

    /// <summary>The <c>encrypted</c> parameter as sent (which fields the merchant encrypted); the sandbox has no key and reads them as sent.</summary>
    public string? Encrypted { get; init; }

    public ClientInfo? ClientInfo { get; init; }

    /// <summary>What is left to refund: the paid amount less earlier refunds.</summary>
    public Amount Refundable => Status == TransactionStatus.Approved ? Amount - Amount.Min(RefundedAmount, Amount) : Amount.Zero;
}
