namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>What the checkout page shows after paying: the status, why it failed, the masked card, where to go next.</summary>
public sealed record CheckoutOutcome(string Status, bool Approved, string? Message, string? MaskedCard, string? RedirectUrl);
