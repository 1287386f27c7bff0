namespace NordeaConnect.Gateway.Operations;

/// <summary>
/// Card details a caller sent, on their way upstream. Not a record on purpose: a generated ToString would print the
/// number and CVV into any log that formats the command.
/// </summary>
public sealed class CardDetails
{
    public CardDetails(string? holder, string? number, string? cvv, string? expiry, string? type)
    {
        Holder = holder;
        Number = number;
        Cvv = cvv;
        Expiry = expiry;
        Type = type;
    }

    public string? Holder { get; }

    public string? Number { get; }

    public string? Cvv { get; }

    /// <summary>MMYY.</summary>
    public string? Expiry { get; }

    /// <summary>VISA, MASTERCARD, ... or stored_card.</summary>
    public string? Type { get; }

    public bool IsEmpty => Holder is null && Number is null && Cvv is null && Expiry is null && Type is null;

    public override string ToString() => $"CardDetails {{ Type = {Type ?? "-"}, Number = {(Number is { Length: >= 4 } n ? "****" + n[^4..] : "-")} }}";
}
