using NordeaConnect.Grains;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>The one mapping of a stored card to its message, from the grain record (its grain, or a list row).</summary>
public static class StoredCardMessages
{
    /// <summary>A stored card (never its token: a credential for token payments, which go through StoredCards.Charge), with its change count.</summary>
    public static V1.StoredCard ToMessage(this StoredCardSnapshot card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = new V1.StoredCard
        {
            Id = card.Id,
            Token = string.Empty,
            CardHolder = card.CardHolder ?? string.Empty,
            CardNumber = card.MaskedCardNumber ?? string.Empty,
            CardType = card.CardType ?? string.Empty,
            Currency = card.Currency?.Code ?? string.Empty,
            Status = card.Status,
            Test = card.Test,
            Expires = Timestamps.From(card.Expires),
            CustomerRef = card.CustomerRef ?? string.Empty,
            MerchantId = card.MerchantId ?? string.Empty,
            Ref = card.Ref ?? string.Empty,
            CreatedAt = Timestamps.From(card.CreatedAt),
            UpdatedAt = Timestamps.From(card.UpdatedAt),
            Change = card.Change.ToMessage(),
            Customer = card.Customer?.ToMessage(),
        };
        if ((card.CustomerId ?? card.Customer?.Id) is { } customerId)
        {
            message.CustomerId = customerId;
        }

        return message;
    }
}
