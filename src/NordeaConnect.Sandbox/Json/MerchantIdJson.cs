using System.Globalization;
using System.Text.Json.Nodes;

namespace NordeaConnect.Sandbox.Json;

/// <summary>The reference prints <c>merchant_id</c> as a number (<c>3</c>); a non-numeric configured id stays a string.</summary>
internal static class MerchantIdJson
{
    public static JsonNode Of(string merchantId) =>
        long.TryParse(merchantId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? JsonValue.Create(numeric) : JsonValue.Create(merchantId);
}
