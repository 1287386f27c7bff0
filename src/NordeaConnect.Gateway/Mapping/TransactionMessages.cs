using System.Globalization;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>
/// The one mapping of a transaction to its message: from the grain record, whether the record came from the
/// transaction's grain (Create, Get, Capture, Charge, Watch, notification_url) or from a list page.
/// </summary>
public static class TransactionMessages
{
    /// <summary>A transaction with the balances it derives and its change count; nested objects when a read extended them.</summary>
    public static V1.Transaction ToMessage(this TransactionSnapshot transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var message = new V1.Transaction
        {
            Id = transaction.Id,
            MerchantId = transaction.MerchantId ?? string.Empty,
            Amount = transaction.Amount.ToUpstreamString(),
            VatAmount = transaction.VatAmount?.ToUpstreamString() ?? string.Empty,
            PaymentRef = transaction.PaymentRef ?? string.Empty,
            Ref = transaction.Ref ?? string.Empty,
            Currency = transaction.Currency?.Code ?? string.Empty,
            Status = transaction.Status,
            Test = transaction.Test,
            Authorize = transaction.Authorize,
            CardHolder = transaction.CardHolder ?? string.Empty,
            CardNumber = transaction.MaskedCardNumber ?? string.Empty,
            CardExpiry = transaction.CardExpiry ?? string.Empty,
            CardType = transaction.CardType ?? string.Empty,
            TransactionType = transaction.TransactionType ?? string.Empty,
            PaymentMethod = transaction.PaymentMethod ?? string.Empty,
            WalletType = transaction.WalletType ?? string.Empty,
            Metadata = MetadataJson.FromJson(transaction.Metadata),
            Cost = transaction.Cost is { } cost ? ToMessage(cost) : null,
            Href = transaction.Href ?? string.Empty,
            SuccessUrl = transaction.SuccessUrl ?? string.Empty,
            ErrorUrl = transaction.ErrorUrl ?? string.Empty,
            TemplateId = transaction.TemplateId ?? 0,
            Encrypted = transaction.Encrypted ?? string.Empty,
            PaymentDetails = transaction.PaymentDetails is { } details ? ToMessage(details) : null,
            ClientInfo = transaction.ClientInfo is { } client ? ToMessage(client) : null,
            PaymentRequest = MetadataJson.FromJson(transaction.PaymentRequest),
            CreatedAt = Timestamps.From(transaction.CreatedAt),
            UpdatedAt = Timestamps.From(transaction.UpdatedAt),
            ProcessedAt = Timestamps.From(transaction.ProcessedAt),
            Error = transaction.Error?.ToMessage(),
            AuthorizedAmount = transaction.AuthorizedAmount.ToUpstreamString(),
            CapturedAmount = transaction.CapturedAmount.ToUpstreamString(),
            RefundedAmount = transaction.RefundedAmount.ToUpstreamString(),
            Change = transaction.Change.ToMessage(),
            Customer = transaction.Customer?.ToMessage(),
            StoredCard = transaction.StoredCard?.ToMessage(),
            Subscription = transaction.Subscription?.ToMessage(),
        };
        if ((transaction.CustomerId ?? transaction.Customer?.Id) is { } customerId)
        {
            message.CustomerId = customerId;
        }

        if ((transaction.StoredCardId ?? transaction.StoredCard?.Id) is { } storedCardId)
        {
            message.StoredCardId = storedCardId;
        }

        if ((transaction.SubscriptionId ?? transaction.Subscription?.Id) is { } subscriptionId)
        {
            message.SubscriptionId = subscriptionId;
        }

        message.Refunds.Add(transaction.Refunds.Select(r => r.ToMessage()));
        if (transaction.Items is { } items)
        {
            message.Items.Add(items.Select(i => i.ToMessage()));
        }

        if (transaction.Webhooks is { } webhooks)
        {
            message.Webhooks.Add(webhooks.Select(w => w.ToMessage()));
        }

        return message;
    }

    private static V1.Cost ToMessage(Upstream.TransactionCost cost) => new()
    {
        FixedFee = Text(cost.FixedFee),
        PercentualFee = Text(cost.PercentualFee),
        PercentualExchangeFee = Text(cost.PercentualExchangeFee),
        Total = cost.Total?.ToUpstreamString() ?? string.Empty,
    };

    private static V1.PaymentDetails ToMessage(Upstream.PaymentDetails details) => new()
    {
        Id = details.Id ?? 0,
        CardNumber = details.CardNumber ?? string.Empty,
        CardHolder = details.CardHolder ?? string.Empty,
        CardType = details.CardType ?? string.Empty,
        CustomerNumber = details.CustomerNumber ?? string.Empty,
        PersonalNumber = details.PersonalNumber ?? string.Empty,
        FirstName = details.FirstName ?? string.Empty,
        LastName = details.LastName ?? string.Empty,
        Zip = details.Zip ?? string.Empty,
        CountryCode = details.CountryCode ?? string.Empty,
        Country = details.Country ?? string.Empty,
        Address = details.Address ?? string.Empty,
        Address1 = details.Address1 ?? string.Empty,
        Address2 = details.Address2 ?? string.Empty,
        City = details.City ?? string.Empty,
        BankName = details.BankName ?? string.Empty,
        BankAccLastdigits = details.BankAccountLastDigits ?? string.Empty,
        Phone = details.Phone ?? string.Empty,
        Ssn = details.Ssn ?? string.Empty,
        CardIssuer = details.CardIssuer ?? string.Empty,
        CreditOrDebit = details.CreditOrDebit ?? string.Empty,
        CardCountryCode = details.CardCountryCode ?? string.Empty,
        Campaign = details.Campaign ?? string.Empty,
        Segmentation = details.Segmentation ?? string.Empty,
        SwishNumber = details.SwishNumber ?? string.Empty,
        Email = details.Email ?? string.Empty,
    };

    private static V1.ClientInfo ToMessage(Upstream.ClientInfo client) => new()
    {
        RawUserAgent = client.RawUserAgent ?? string.Empty,
        Browser = client.Browser ?? string.Empty,
        Version = client.Version ?? string.Empty,
        Platform = client.Platform ?? string.Empty,
        Ip = client.IpAddress ?? string.Empty,
        AcceptLanguage = client.AcceptLanguage ?? string.Empty,
    };

    // Fees are rates as well as sums (0.025), so they keep their own precision rather than two decimals.
    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
