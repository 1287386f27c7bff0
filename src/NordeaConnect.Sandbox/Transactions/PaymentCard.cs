namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// What the sandbox keeps of a card: never the full number or the CVV, only the masked number, the last four
/// digits, the holder, the expiry and the brand.
/// </summary>
internal sealed record PaymentCard(string Holder, string MaskedNumber, string Last4, string? Expiry, string Brand);
