using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// The money of one transaction: what is reserved, captured and refunded, and what may still be captured or refunded.
/// Refunds whose outcome is not yet known count as made, so a refund in doubt can never let a later one exceed the
/// captured amount.
/// </summary>
internal sealed record TransactionLedger
{
    // Types the reference names whose refunds do not go through this API (AfterPay refunds per item).
    private static readonly HashSet<string> ItemLevelRefundTypes = new(StringComparer.OrdinalIgnoreCase) { "after_pay", "afterpay" };

    // "E-payment only supports one refund": the reference's online banking payment type.
    private static readonly HashSet<string> SingleRefundTypes = new(StringComparer.OrdinalIgnoreCase) { "bank", "e_payment", "epayment" };

    public required long TransactionId { get; init; }

    public required TransactionState State { get; init; }

    /// <summary>Reserved and waiting for a capture (zero unless <see cref="TransactionState.Authorized"/>).</summary>
    public required Amount Authorized { get; init; }

    /// <summary>Paid or captured (zero unless <see cref="TransactionState.Approved"/>).</summary>
    public required Amount Captured { get; init; }

    /// <summary>Refunded by refunds upstream reported (failed ones excluded).</summary>
    public required Amount Refunded { get; init; }

    /// <summary>Refunds this service sent whose outcome is not known yet.</summary>
    public Amount RefundsInDoubt { get; init; }

    public int RefundCount { get; init; }

    public int RefundsInDoubtCount { get; init; }

    public string? PaymentType { get; init; }

    public Amount Refundable
    {
        get
        {
            var taken = Refunded + RefundsInDoubt;
            return Captured > taken ? Captured - taken : Amount.Zero;
        }
    }

    public static TransactionLedger From(TransactionSnapshot transaction, Amount refundsInDoubt = default, int refundsInDoubtCount = 0)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var state = transaction.State;
        var refunded = Amount.Zero;
        var count = 0;
        foreach (var refund in transaction.Refunds)
        {
            if (refund.Counts)
            {
                refunded += refund.Amount;
                count++;
            }
        }

        return new TransactionLedger
        {
            TransactionId = transaction.Id,
            State = state,
            Authorized = state == TransactionState.Authorized ? transaction.Amount : Amount.Zero,
            Captured = state == TransactionState.Approved ? transaction.Amount : Amount.Zero,
            Refunded = refunded,
            RefundCount = count,
            RefundsInDoubt = refundsInDoubt,
            RefundsInDoubtCount = refundsInDoubtCount,
            PaymentType = transaction.TransactionType ?? transaction.PaymentMethod,
        };
    }

    public Refusal? CheckCapture(Amount amount)
    {
        if (amount == Amount.Zero)
        {
            return new Refusal(ResultCode.InvalidAmount, "A capture amount must be greater than 0.00.");
        }

        if (State != TransactionState.Authorized)
        {
            return new Refusal(
                ResultCode.CaptureNotAuthorized,
                Invariant($"Transaction {TransactionId} is {Describe(State)}, not authorized; only a transaction created with authorize=true and not yet captured can be captured."));
        }

        if (amount > Authorized)
        {
            return new Refusal(
                ResultCode.CaptureExceedsAuthorized,
                Invariant($"Capture of {amount} exceeds the {Authorized} authorized on transaction {TransactionId}."));
        }

        return null;
    }

    public Refusal? CheckRefund(Amount amount)
    {
        if (amount == Amount.Zero)
        {
            return new Refusal(ResultCode.InvalidAmount, "A refund amount must be greater than 0.00.");
        }

        if (State != TransactionState.Approved)
        {
            return new Refusal(
                ResultCode.RefundNotAllowed,
                Invariant($"Transaction {TransactionId} is {Describe(State)}; only an approved (paid or captured) transaction can be refunded."));
        }

        if (PaymentType is { } type && ItemLevelRefundTypes.Contains(type))
        {
            return new Refusal(
                ResultCode.RefundNotAllowed,
                Invariant($"Transaction {TransactionId} is an AfterPay payment, whose refunds are made per item, not through the refund API."));
        }

        if (PaymentType is { } single && SingleRefundTypes.Contains(single) && RefundCount + RefundsInDoubtCount > 0)
        {
            return new Refusal(
                ResultCode.RefundNotAllowed,
                Invariant($"Transaction {TransactionId} is an E-payment, which allows one refund only, and it has one already."));
        }

        if (amount > Refundable)
        {
            var inDoubt = RefundsInDoubt == Amount.Zero ? string.Empty : Invariant($", {RefundsInDoubt} in refunds whose outcome is being reconciled");
            return new Refusal(
                ResultCode.RefundExceedsAvailable,
                Invariant($"Refund of {amount} exceeds the {Refundable} still refundable on transaction {TransactionId} (captured {Captured}, refunded {Refunded}{inDoubt})."));
        }

        return null;
    }

    /// <summary>The reference allows card details on a transaction only while it is not approved.</summary>
    public Refusal? CheckCardDetails() =>
        State == TransactionState.Approved
            ? new Refusal(ResultCode.CardDetailsLocked, Invariant($"Transaction {TransactionId} is approved; its card details can no longer be changed."))
            : null;

    private static string Describe(TransactionState state) => state switch
    {
        TransactionState.Pending => "pending",
        TransactionState.Authorized => "authorized",
        TransactionState.Approved => "approved",
        TransactionState.Failed => "failed",
        _ => "in a status this service does not recognize",
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
