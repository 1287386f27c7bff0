using System.Globalization;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// Checks an <c>items</c> array against the reference's item rules, answering with its item error codes:
/// artno (max 50) *, description (max 150) *, amount (the line's total) *, qty *, vat *, discount, notes.
/// </summary>
internal static class ItemsValidator
{
    private const int MaxItems = 1000;
    private const int MaxNotesLength = 255;

    /// <summary>Validates the items; when <paramref name="expectedTotal"/> is given their amounts must add up to it.</summary>
    public static void Validate(JsonElement items, Amount? expectedTotal)
    {
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() > MaxItems)
        {
            throw new ApiException(SandboxErrors.ItemsNotArray);
        }

        var total = 0m;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ApiException(SandboxErrors.ItemsNotArray);
            }

            var artno = Text(item, "artno");
            if (string.IsNullOrEmpty(artno) || artno.Length > 50)
            {
                throw new ApiException(SandboxErrors.ItemArtnoMissing);
            }

            var description = Text(item, "description");
            if (string.IsNullOrEmpty(description))
            {
                throw new ApiException(SandboxErrors.ItemDescriptionMissing);
            }

            if (description.Length > 150)
            {
                throw new ApiException(SandboxErrors.ItemDescriptionTooLong);
            }

            var amountText = Text(item, "amount");
            if (string.IsNullOrEmpty(amountText))
            {
                throw new ApiException(SandboxErrors.ItemAmountMissing);
            }

            if (Number(amountText) is not { } amount || amount < 0 || decimal.Round(amount, 2) != amount || amount > Amount.MaxValue.Value)
            {
                throw new ApiException(SandboxErrors.ItemAmountNotValid);
            }

            if (Number(Text(item, "qty")) is not { } qty || qty <= 0)
            {
                throw new ApiException(SandboxErrors.ItemQtyMissing);
            }

            if (Number(Text(item, "vat")) is not { } vat || vat < 0)
            {
                throw new ApiException(SandboxErrors.ItemVatMissing);
            }

            if (Text(item, "notes") is { Length: > MaxNotesLength })
            {
                throw new ApiException(SandboxErrors.ItemNotesTooLong);
            }

            total += amount;
        }

        if (total <= 0)
        {
            throw new ApiException(SandboxErrors.ItemsTotalNotPositive);
        }

        if (expectedTotal is { } expected && total != expected.Value)
        {
            throw new ApiException(SandboxErrors.ItemsAmountMismatch);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
