using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.WebhookTemplates;

namespace NordeaConnect.Sandbox.Json;

/// <summary>Source-generated serialization for every object the sandbox writes.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UpstreamDateTimeConverter)])]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TransactionView))]
[JsonSerializable(typeof(RefundView))]
[JsonSerializable(typeof(StoredCardView))]
[JsonSerializable(typeof(PlanView))]
[JsonSerializable(typeof(SubscriptionView))]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(WebhookTemplateView))]
[JsonSerializable(typeof(WebhookView))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
