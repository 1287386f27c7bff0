using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Grains.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A transaction as upstream last reported it plus what this service did to it since. Card numbers are only ever
/// the upstream's masked form; no CVV exists here.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.TransactionSnapshot")]
public sealed record TransactionSnapshot : IVersionedSnapshot<TransactionSnapshot>
{
    [Id(0)]
    public required long Id { get; init; }

    [Id(1)]
    public string? PaymentRef { get; init; }

    /// <summary>The upstream's status text, as sent.</summary>
    [Id(2)]
    public required string Status { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public TransactionState State => TransactionStates.FromUpstream(Status);

    /// <summary>What the customer pays; while authorized, what is reserved; after a capture, what was captured.</summary>
    [Id(3)]
    public required Amount Amount { get; init; }

    [Id(4)]
    public Amount? VatAmount { get; init; }

    [Id(5)]
    public CurrencyCode? Currency { get; init; }

    [Id(6)]
    public bool Test { get; init; }

    /// <summary>Whether the transaction was created with <c>authorize=true</c>.</summary>
    [Id(7)]
    public bool Authorize { get; init; }

    /// <summary>credit_card, stored_card, bank, swish, after_pay, ... (the reference's payment types).</summary>
    [Id(8)]
    public string? TransactionType { get; init; }

    [Id(9)]
    public string? PaymentMethod { get; init; }

    [Id(10)]
    public string? CardType { get; init; }

    /// <summary>The upstream's masked card number, e.g. <c>411111******1111</c>.</summary>
    [Id(11)]
    public string? MaskedCardNumber { get; init; }

    [Id(12)]
    public string? CardHolder { get; init; }

    [Id(13)]
    public string? CardExpiry { get; init; }

    /// <summary>The payment link where a customer can finish an unprocessed payment.</summary>
    [Id(14)]
    public string? Href { get; init; }

    /// <summary>The caller's JSON metadata; each read parses it from the UTF-8 text the snapshot holds.</summary>
    public JsonElement? Metadata
    {
        get => CompactJson.Element(_metadata);
        init => _metadata = CompactJson.Utf8(value);
    }

    // Its UTF-8 text, not a JsonDocument (about 330 bytes for a small object, a third of that as text): a silo caches
    // many transactions, and serving one from the cache rarely reads its metadata more than once. On the wire as that text.
    [Id(15)]
    private readonly byte[]? _metadata;

    [Id(16)]
    public ImmutableList<RefundSnapshot> Refunds { get; init; } = [];

    [Id(17)]
    public long? CustomerId { get; init; }

    [Id(18)]
    public long? StoredCardId { get; init; }

    [Id(19)]
    public long? SubscriptionId { get; init; }

    [Id(20)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(21)]
    public DateTimeOffset? UpdatedAt { get; init; }

    [Id(22)]
    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>Why the payment failed, when it did.</summary>
    [Id(23)]
    public UpstreamFailure? Error { get; init; }

    /// <summary>Reserved and waiting for a capture: the amount while authorized, otherwise zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount AuthorizedAmount => TransactionLedger.From(this).Authorized;

    /// <summary>Paid or captured: the amount once approved, otherwise zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount CapturedAmount => TransactionLedger.From(this).Captured;

    /// <summary>Refunded so far by the refunds upstream reported (failed ones excluded).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount RefundedAmount => TransactionLedger.From(this).Refunded;

    /// <summary>The change count of this state, as the entity's grain keeps it.</summary>
    [Id(24)]
    public EntityChange? Change { get; init; }

    // Detail fields of the reference's transaction object. Each is null when upstream sent none, so a transaction
    // without them costs no allocation.

    [Id(25)]
    public string? MerchantId { get; init; }

    /// <summary>The reference's <c>ref</c>.</summary>
    [Id(26)]
    public string? Ref { get; init; }

    /// <summary>apple_pay, mobile_pay or vipps for a wallet payment.</summary>
    [Id(27)]
    public string? WalletType { get; init; }

    /// <summary>The hosted page template the payment used.</summary>
    [Id(28)]
    public long? TemplateId { get; init; }

    [Id(29)]
    public string? SuccessUrl { get; init; }

    [Id(30)]
    public string? ErrorUrl { get; init; }

    /// <summary>The parameters the caller sent encrypted, comma separated.</summary>
    [Id(31)]
    public string? Encrypted { get; init; }

    /// <summary>What the transaction cost the merchant (fees and total).</summary>
    [Id(32)]
    public Client.TransactionCost? Cost { get; init; }

    [Id(33)]
    public ImmutableList<Client.Item>? Items { get; init; }

    // The details below are read rarely once a transaction is cached (a full read of it, not a status or a capture),
    // so each is held as the client's UTF-8 JSON and parsed on read, like the metadata: a live PaymentDetails with its
    // strings, a ClientInfo and a webhook list cost several times their text per activation. On the wire as that text,
    // in stored state as the properties' JSON objects (the fields are private and not System.Text.Json members).

    /// <summary>The payer and the instrument (masked card number, address, bank, ...); each read parses it.</summary>
    public Client.PaymentDetails? PaymentDetails
    {
        get => CompactJson.Entity<Client.PaymentDetails>(_paymentDetails);
        init => _paymentDetails = CompactJson.Utf8(value);
    }

    [Id(34)]
    private readonly byte[]? _paymentDetails;

    /// <summary>The payer's browser and device; each read parses it.</summary>
    public Client.ClientInfo? ClientInfo
    {
        get => CompactJson.Entity<Client.ClientInfo>(_clientInfo);
        init => _clientInfo = CompactJson.Utf8(value);
    }

    [Id(35)]
    private readonly byte[]? _clientInfo;

    /// <summary>The webhooks attached to the transaction, with their targets' last answers; each read parses them.</summary>
    public ImmutableList<Client.Webhook>? Webhooks
    {
        get => CompactJson.Entities<Client.Webhook>(_webhooks);
        init => _webhooks = CompactJson.Utf8(value);
    }

    [Id(36)]
    private readonly byte[]? _webhooks;

    /// <summary>The payment request the merchant sent, as upstream shows it; each read parses it.</summary>
    public JsonElement? PaymentRequest
    {
        get => CompactJson.Element(_paymentRequest);
        init => _paymentRequest = CompactJson.Utf8(value);
    }

    [Id(37)]
    private readonly byte[]? _paymentRequest;

    // The whole related entities, only when a read asked to extend them (never in the grain's own state).

    [Id(38)]
    public CustomerSnapshot? Customer { get; init; }

    [Id(39)]
    public StoredCardSnapshot? StoredCard { get; init; }

    [Id(40)]
    public SubscriptionSnapshot? Subscription { get; init; }

    public TransactionSnapshot WithChange(EntityChange change) => this with { Change = change };
}
