using NordeaConnect.Gateway.Operations;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class StoredCardMessages
{
    public static V1.StoredCard ToMessage(this Versioned<Upstream.StoredCard> card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = card.Entity.ToMessage();
        message.Change = card.Change.ToMessage();
        return message;
    }

    public static V1.StoredCard ToMessage(this Upstream.StoredCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = new V1.StoredCard
        {
            Id = card.Id,
            // The token is a credential for token payments, which go through StoredCards.Charge; callers never need it.
            Token = string.Empty,
            CardHolder = card.CardHolder ?? string.Empty,
            CardNumber = card.CardNumber ?? string.Empty,
            CardType = card.CardType ?? string.Empty,
            Currency = card.Currency?.Code ?? string.Empty,
            Status = card.Status ?? string.Empty,
            Test = card.Test ?? false,
            Expires = Timestamps.From(card.Expires),
            CreatedAt = Timestamps.From(card.CreatedAt),
        };
        if ((card.CustomerId ?? card.Customer?.Id) is { } customerId)
        {
            message.CustomerId = customerId;
        }

        return message;
    }
}
