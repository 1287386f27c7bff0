using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>
/// One change in the outbox: version <see cref="Version"/> of <see cref="Key"/>, as <see cref="MessageJson"/> (the
/// JSON of the message a Get returns, UTF-8, proto field names).
/// </summary>
public sealed record EntityChangeRecord(EntityKey Key, long Version, string Reason, string MessageJson, DateTimeOffset CreatedAt);
