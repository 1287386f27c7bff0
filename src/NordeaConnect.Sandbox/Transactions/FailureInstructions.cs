using System.Globalization;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The reference's simulated failures: metadata <c>{"nordeaconnect_instructions": {"fail_as_code": "errors.x.y"}}</c>
/// fails the payment with that row of the error table (by name or number); <c>{"fail_as_message": "do not honour"}</c>
/// declines it with that message.
/// </summary>
internal static class FailureInstructions
{
    public const string Key = "nordeaconnect_instructions";

    /// <summary>
    /// The failure stored metadata asks for, for charges nobody can be refused to (the billing engine's):
    /// malformed instructions fail the charge with the reason instead.
    /// </summary>
    public static ApiException? ReadOrNull(JsonElement? metadata)
    {
        try
        {
            return Read(metadata);
        }
        catch (ApiException malformed)
        {
            return malformed;
        }
    }

    /// <summary>The failure the metadata asks for, or null; refuses instructions that name no known error.</summary>
    public static ApiException? Read(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty(Key, out var instructions))
        {
            return null;
        }

        if (instructions.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "metadata." + Key, "expected an object with fail_as_code or fail_as_message");
        }

        if (instructions.TryGetProperty("fail_as_code", out var code))
        {
            var text = code.ValueKind == JsonValueKind.String ? code.GetString() : code.GetRawText();
            if (text is not null && (UpstreamErrorTable.TryGetByName(text, out var named)
                || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && UpstreamErrorTable.TryGet(number, out named)))
            {
                return new ApiException(SandboxErrors.ForTableEntry(named));
            }

            throw new ApiException(SandboxErrors.ParameterInvalid, "metadata." + Key + ".fail_as_code", "it names no error of the reference's error table");
        }

        if (instructions.TryGetProperty("fail_as_message", out var message) && message.ValueKind == JsonValueKind.String
            && message.GetString() is { Length: > 0 and <= 255 } text2)
        {
            return new ApiException(SandboxErrors.PaymentDeclined) { DescriptionOverride = text2 };
        }

        throw new ApiException(SandboxErrors.ParameterInvalid, "metadata." + Key, "expected fail_as_code (an error name or code) or fail_as_message (1-255 characters)");
    }
}
