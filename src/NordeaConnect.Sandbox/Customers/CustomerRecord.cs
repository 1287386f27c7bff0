using System.Text.Json;

namespace NordeaConnect.Sandbox.Customers;

/// <summary>The owner of transactions, stored cards and subscriptions.</summary>
internal sealed record CustomerRecord(long Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Ref, JsonElement? Metadata);
