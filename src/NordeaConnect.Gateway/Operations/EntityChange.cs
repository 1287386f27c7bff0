namespace NordeaConnect.Gateway.Operations;

/// <summary>The gateway's count of changes to one entity, and why the last one happened.</summary>
/// <param name="Version">Grows by one with every change the gateway observed.</param>
/// <param name="Reason">created, updated, captured, refunded, charged, webhook, refreshed or deleted.</param>
public sealed record EntityChange(long Version, string Reason);

/// <summary>An entity as the grain holding it sees it, with its change count.</summary>
public sealed record Versioned<T>(T Entity, EntityChange Change)
    where T : class;
