using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class StoredCardMessages
{
    /// <summary>A stored card as its grain holds it (never its token), with its change count.</summary>
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
            CreatedAt = Timestamps.From(card.CreatedAt),
            Change = card.Change.ToMessage(),
        };
        if (card.CustomerId is { } customerId)
        {
            message.CustomerId = customerId;
        }

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
