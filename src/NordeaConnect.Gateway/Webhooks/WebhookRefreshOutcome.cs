namespace NordeaConnect.Gateway.Webhooks;

/// <summary>What re-reading the entity a webhook named came to.</summary>
public enum WebhookRefreshResult
{
    /// <summary>Read again; a change was published if the state differs from the last one recorded.</summary>
    Applied,

    /// <summary>Upstream does not know the entity: the webhook changes nothing.</summary>
    NotFound,

    /// <summary>Upstream could not be read now; try again later.</summary>
    Failed,
}

/// <param name="Version">The entity's version after the refresh (the new one when <paramref name="Changed"/>), or null.</param>
public sealed record WebhookRefreshOutcome(WebhookRefreshResult Result, bool Changed, long? Version, string? Error)
{
    public static WebhookRefreshOutcome NotFound(string error) => new(WebhookRefreshResult.NotFound, false, null, error);

    public static WebhookRefreshOutcome Failed(string error) => new(WebhookRefreshResult.Failed, false, null, error);
}
