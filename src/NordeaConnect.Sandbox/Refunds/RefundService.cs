using System.Globalization;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Refunds;

/// <summary>
/// Refunds part or all of an approved transaction. The check against what is left and the booking of the refund
/// happen under the merchant's lock as one step, so concurrent refunds never add up to more than was paid.
/// </summary>
internal sealed class RefundService(SandboxStore store, SandboxClock time, WebhookDispatcher webhooks)
{
    /// <summary>Payment types that are E-payments, which the reference allows one refund only.</summary>
    private static readonly string[] EPaymentTypes = ["bank"];

    public RefundRecord Create(SandboxMerchant merchant, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var transactionId = fields.OptionalInteger("transaction_id", 1, long.MaxValue) ?? throw new ApiException(SandboxErrors.ParameterMissing, "transaction_id");
        var amount = fields.RequiredAmount("amount");
        if (amount == Amount.Zero)
        {
            throw new ApiException(SandboxErrors.AmountInvalid);
        }

        var reason = fields.OptionalString("reason", 255);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ApiException(SandboxErrors.ParameterMissing, "reason");
        }

        var (refund, transaction) = store.For(merchant.Id).Write(book =>
        {
            var transaction = TransactionService.Find(book, transactionId);
            if (transaction.Status != TransactionStatus.Approved)
            {
                throw new ApiException(SandboxErrors.RefundNotAllowed, "it is " + transaction.Status + ", not approved");
            }

            if (transaction.TransactionType == "after_pay")
            {
                throw new ApiException(SandboxErrors.RefundNotAllowed, "AfterPay refunds are made on the item level, not through the API");
            }

            if (EPaymentTypes.Contains(transaction.TransactionType) && !transaction.RefundIds.IsEmpty)
            {
                throw new ApiException(SandboxErrors.RefundNotAllowed, "an E-payment allows one refund only");
            }

            if (amount > transaction.Refundable)
            {
                throw new ApiException(SandboxErrors.RefundExceedsPaid, amount.ToUpstreamString(), transaction.Refundable.ToUpstreamString());
            }

            var refund = new RefundRecord(book.Ids.NextRefund(), transaction.Id, now, now, amount, reason, RefundStatus.Approved);
            book.Refunds[refund.Id] = refund;
            var refunded = transaction with
            {
                RefundedAmount = transaction.RefundedAmount + amount,
                RefundIds = transaction.RefundIds.Add(refund.Id),
                UpdatedAt = now,
            };
            book.Transactions[refunded.Id] = refunded;
            return (refund, refunded);
        });

        webhooks.Refunded(merchant.Id, transaction);
        return refund;
    }

    /// <summary>Call under the merchant's lock.</summary>
    public static RefundRecord Find(MerchantBook book, long refundId) =>
        book.Refunds.TryGetValue(refundId, out var refund)
            ? refund
            : throw new ApiException(SandboxErrors.NotFound, "refund", refundId.ToString(CultureInfo.InvariantCulture));
}
