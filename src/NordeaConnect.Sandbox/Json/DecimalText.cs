using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Json;

/// <summary>
/// Decimals as the reference's responses print them (Ruby's BigDecimal#to_s style): <c>"480.0"</c>, <c>"2.56"</c>,
/// <c>"0.025"</c> — at least one decimal, no trailing zeros beyond it.
/// </summary>
internal static class DecimalText
{
    private const string Format = "0.0############";

    public static string Of(decimal value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public static string Of(Amount amount) => Of(amount.Value);

    public static string? Of(Amount? amount) => amount is { } value ? Of(value.Value) : null;
}
