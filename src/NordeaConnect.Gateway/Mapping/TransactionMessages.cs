using System.Globalization;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class TransactionMessages
{
    /// <summary>A transaction from its grain, with the balances it derives and its change count.</summary>
    public static V1.Transaction ToMessage(this TransactionSnapshot transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var message = new V1.Transaction
        {
            Id = transaction.Id,
            Amount = transaction.Amount.ToUpstreamString(),
            VatAmount = transaction.VatAmount?.ToUpstreamString() ?? string.Empty,
            PaymentRef = transaction.PaymentRef ?? string.Empty,
            Currency = transaction.Currency?.Code ?? string.Empty,
            Status = transaction.Status,
            Test = transaction.Test,
            CardHolder = transaction.CardHolder ?? string.Empty,
            CardNumber = transaction.MaskedCardNumber ?? string.Empty,
            CardExpiry = transaction.CardExpiry ?? string.Empty,
            CardType = transaction.CardType ?? string.Empty,
            TransactionType = transaction.TransactionType ?? string.Empty,
            PaymentMethod = transaction.PaymentMethod ?? string.Empty,
            Metadata = MetadataJson.FromJson(transaction.Metadata),
            Href = transaction.Href ?? string.Empty,
            CreatedAt = Timestamps.From(transaction.CreatedAt),
            ProcessedAt = Timestamps.From(transaction.ProcessedAt),
            Error = transaction.Error?.ToMessage(),
            AuthorizedAmount = transaction.AuthorizedAmount.ToUpstreamString(),
            CapturedAmount = transaction.CapturedAmount.ToUpstreamString(),
            RefundedAmount = transaction.RefundedAmount.ToUpstreamString(),
            Change = transaction.Change.ToMessage(),
        };
        if (transaction.CustomerId is { } customerId)
        {
            message.CustomerId = customerId;
        }

        if (transaction.StoredCardId is { } storedCardId)
        {
            message.StoredCardId = storedCardId;
        }

        if (transaction.SubscriptionId is { } subscriptionId)
        {
            message.SubscriptionId = subscriptionId;
        }

        message.Refunds.Add(transaction.Refunds.Select(r => r.ToMessage()));
        return message;
    }

    /// <summary>A transaction as Nordea Connect lists it (no balances: lists come straight from upstream).</summary>
    public static V1.Transaction ToMessage(this Upstream.Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var message = new V1.Transaction
        {
            Id = transaction.Id,
            MerchantId = transaction.MerchantId ?? string.Empty,
            Amount = transaction.Amount?.ToUpstreamString() ?? string.Empty,
            VatAmount = transaction.VatAmount?.ToUpstreamString() ?? string.Empty,
            PaymentRef = transaction.PaymentRef ?? string.Empty,
            Currency = transaction.Currency?.Code ?? string.Empty,
            Status = transaction.Status ?? string.Empty,
            Test = transaction.Test ?? false,
            CardHolder = transaction.CardHolder ?? string.Empty,
            CardNumber = transaction.CardNumber ?? string.Empty,
            CardExpiry = transaction.CardExpiry ?? string.Empty,
            CardType = transaction.CardType ?? string.Empty,
            TransactionType = transaction.TransactionType ?? string.Empty,
            PaymentMethod = transaction.PaymentMethod ?? string.Empty,
            Metadata = MetadataJson.FromJson(transaction.Metadata),
            Cost = transaction.Cost is { } cost ? ToMessage(cost) : null,
            Href = transaction.Href ?? string.Empty,
            SuccessUrl = transaction.SuccessUrl ?? string.Empty,
            ErrorUrl = transaction.ErrorUrl ?? string.Empty,
            TemplateId = transaction.TemplateId ?? 0,
            CreatedAt = Timestamps.From(transaction.CreatedAt),
            ProcessedAt = Timestamps.From(transaction.ProcessedAt),
            Error = transaction.Error is { } error ? ResultMessages.ToMessage(error, 0) : null,
        };
        if (transaction.Customer is { } customer)
        {
            message.CustomerId = customer.Id;
        }

        if (transaction.StoredCard is { } storedCard)
        {
            message.StoredCardId = storedCard.Id;
        }

        if (transaction.Subscription is { } subscription)
        {
            message.SubscriptionId = subscription.Id;
        }

        message.Refunds.Add(transaction.Refunds.Select(r => r.ToMessage()));
        message.Items.Add(transaction.Items.Select(i => i.ToMessage()));
        return message;
    }

    private static V1.Cost ToMessage(Upstream.TransactionCost cost) => new()
    {
        FixedFee = Text(cost.FixedFee),
        PercentualFee = Text(cost.PercentualFee),
        PercentualExchangeFee = Text(cost.PercentualExchangeFee),
        Total = cost.Total?.ToUpstreamString() ?? string.Empty,
    };

    // Fees are rates as well as sums (0.025), so they keep their own precision rather than two decimals.
    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
