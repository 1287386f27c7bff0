namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>One delivery attempt of a webhook (or the recording of an e-mail one).</summary>
internal sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error);
