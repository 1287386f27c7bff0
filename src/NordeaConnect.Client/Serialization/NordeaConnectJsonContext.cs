using System.Text.Json.Serialization;

namespace NordeaConnect.Client;

/// <summary>
/// Source-generated JSON metadata for every shape the client reads or writes. Lenient on read the way the
/// reference needs: property names case-insensitive (<c>Items</c>/<c>items</c>), numbers in strings
/// (<c>"0.025"</c>, <c>"7510"</c>), booleans as "1"/"true", timestamps with or without an offset.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Serialization.UpstreamDateTimeConverter), typeof(Serialization.LenientBooleanConverter)])]
[JsonSerializable(typeof(Transaction))]
[JsonSerializable(typeof(Transaction[]))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(Refund[]))]
[JsonSerializable(typeof(StoredCard))]
[JsonSerializable(typeof(StoredCard[]))]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(Plan[]))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(Subscription[]))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Customer[]))]
[JsonSerializable(typeof(WebhookTemplate))]
[JsonSerializable(typeof(WebhookTemplate[]))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(Webhook[]))]
[JsonSerializable(typeof(IReadOnlyList<Item>))]
[JsonSerializable(typeof(IReadOnlyList<WebhookDefinition>))]
public sealed partial class NordeaConnectJsonContext : JsonSerializerContext;
