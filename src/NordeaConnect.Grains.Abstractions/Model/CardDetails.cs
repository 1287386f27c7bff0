namespace NordeaConnect.Grains;

/// <summary>
/// Card data for one upstream call. It is passed through and never stored: journals keep only a fingerprint of the
/// card's last four digits, and <see cref="ToString"/> prints nothing sensitive.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.CardDetails")]
public sealed record CardDetails
{
    public CardDetails(string cardNumber, string? cvv, string? holder, string? expiry, string? cardType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardNumber);
        CardNumber = cardNumber;
        Cvv = cvv;
        Holder = holder;
        Expiry = expiry;
        CardType = cardType;
    }

    /// <summary>The card number, or a stored card's token for a token payment.</summary>
    [Id(0)]
    public string CardNumber { get; }

    [Id(1)]
    public string? Cvv { get; }

    [Id(2)]
    public string? Holder { get; }

    /// <summary>MMYY.</summary>
    [Id(3)]
    public string? Expiry { get; }

    /// <summary>VISA, MASTERCARD, ... or stored_card for a token payment.</summary>
    [Id(4)]
    public string? CardType { get; }

    /// <summary>The last four characters, the only part of the number that may be kept.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string LastFour => CardNumber.Length <= 4 ? CardNumber : CardNumber[^4..];

    public override string ToString() => $"card ****{LastFour}";
}
