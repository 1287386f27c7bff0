// Public only because Razor components are public and take these as parameters; nothing outside the dashboard uses them.
namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>One transaction in the dashboard's list. Card numbers are the stored masked form only.</summary>
public sealed record TransactionRow(
    long Id, string MerchantId, DateTimeOffset CreatedAt, string? PaymentRef, string Status, string Amount, string Currency,
    string? TransactionType, string? MaskedCard, string? CustomerRef, string? RefundedAmount);

/// <summary>One thing that happened to a transaction, in time order: created, authorized, paid, captured, refunded, a webhook.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Kind, string Title, string? Detail, WebhookRow? Webhook);

/// <summary>A transaction with its whole history.</summary>
public sealed record TransactionDetail(TransactionRow Row, string? Error, string? CheckoutToken, IReadOnlyList<HistoryEntry> History);

/// <summary>One attempt to deliver a webhook, with what the target answered.</summary>
public sealed record AttemptRow(int Number, DateTimeOffset At, int? StatusCode, string? Reason, string? Error, TimeSpan SinceCreated, double? DurationMilliseconds);

/// <summary>A webhook and where its delivery stands.</summary>
public sealed record WebhookRow(
    long Id, string MerchantId, DateTimeOffset CreatedAt, string Trigger, string Type, string? Target, long? TransactionId,
    string State, int RetryCount, DateTimeOffset? NextAttemptAt, IReadOnlyList<AttemptRow> Attempts, string? NotSentBecause)
{
    /// <summary>Whether delivery has failed so far (retrying, exhausted, or never sent because rendering failed).</summary>
    public bool IsFailing => State is "retrying" or "exhausted" || NotSentBecause is not null;

    /// <summary>Whether "retry now" can bring its next attempt forward.</summary>
    public bool CanRetry => State is "retrying" or "pending";
}

/// <summary>A charge of a subscription: one of its transactions.</summary>
public sealed record ChargeRow(long TransactionId, DateTimeOffset CreatedAt, string Amount, string Currency, string Status);

/// <summary>A subscription with its plan, schedule, debt and charges.</summary>
public sealed record SubscriptionRow(
    long Id, string MerchantId, long PlanId, string PlanName, string Status, string Schedule, DateTimeOffset? NextAt,
    string Debt, int Quantity, string Currency, int PeriodsCharged, int? PeriodsLeft, int RetryCount, string? CustomerRef,
    string? MaskedCard, IReadOnlyList<ChargeRow> Charges);

/// <summary>A stored card as a person may see it: masked number only.</summary>
public sealed record StoredCardRow(long Id, string MaskedNumber, string Brand, string CardHolder, DateTimeOffset Expires, string Status, string Currency);

/// <summary>A customer with their stored cards.</summary>
public sealed record CustomerRow(long Id, string MerchantId, string Ref, DateTimeOffset CreatedAt, IReadOnlyList<StoredCardRow> Cards, int Transactions);

/// <summary>A billing plan.</summary>
public sealed record PlanRow(
    long Id, string MerchantId, string Name, string? Description, string Schedule, int Periods, int TrialLength, string Prices, string SetupFees, string Status);

/// <summary>A webhook template with its Liquid fields as stored.</summary>
public sealed record TemplateRow(
    long Id, string MerchantId, string Type, string Trigger, string? Target, string? HttpMethod, string? DataFormat, string Body, string? CustomHeaders);

/// <summary>What the transactions page searches by; each part optional.</summary>
public sealed record TransactionSearch(string? Text, string? Status, DateOnly? Date)
{
    public bool Matches(TransactionRow row) =>
        (string.IsNullOrWhiteSpace(Text) || MatchesText(row, Text.Trim()))
        && (string.IsNullOrEmpty(Status) || string.Equals(row.Status, Status, StringComparison.Ordinal))
        && (Date is not { } day || DateOnly.FromDateTime(row.CreatedAt.UtcDateTime) == day);

    /// <summary>A number is an id (or a payment_ref exactly, "3" must not find every ref with a 3 in it); other text is part of a payment_ref.</summary>
    private static bool MatchesText(TransactionRow row, string text) =>
        text.All(char.IsAsciiDigit)
            ? row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == text || string.Equals(row.PaymentRef, text, StringComparison.OrdinalIgnoreCase)
            : row.PaymentRef?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false;
}
