using System.Globalization;
using System.Text.Json;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>
/// The body of <c>POST /_sandbox/clock</c>: <c>{"seconds": n}</c> to advance, <c>{"to": "2030-01-31T00:00:00Z"}</c>
/// to set, and optionally <c>"freeze": true|false</c> to stop or resume the clock (alone or with a move).
/// </summary>
internal sealed record ClockMoveRequest(TimeSpan? AdvanceBy, DateTimeOffset? To, bool? Freeze)
{
    // A century is far beyond any billing or retry scenario and keeps DateTimeOffset arithmetic in range.
    private const double MaximumSeconds = 100 * 366 * 86400d;

    public static bool TryParse(ReadOnlySpan<byte> body, out ClockMoveRequest request, out string error)
    {
        request = new ClockMoveRequest(null, null, null);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException exception)
        {
            error = "The body is not valid JSON: " + exception.Message;
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object such as {\"seconds\": 3600} or {\"to\": \"2030-01-31T00:00:00Z\"}.";
                return false;
            }

            TimeSpan? advanceBy = null;
            DateTimeOffset? to = null;
            bool? freeze = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "seconds":
                        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var seconds)
                            || double.IsNaN(seconds) || seconds < 0 || seconds > MaximumSeconds)
                        {
                            error = "\"seconds\" must be a number from 0 to " + MaximumSeconds.ToString(CultureInfo.InvariantCulture) + ".";
                            return false;
                        }

                        advanceBy = TimeSpan.FromSeconds(seconds);
                        break;
                    case "to":
                        if (property.Value.ValueKind != JsonValueKind.String
                            || !DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
                        {
                            error = "\"to\" must be an ISO 8601 date and time string such as \"2030-01-31T00:00:00Z\".";
                            return false;
                        }

                        to = instant;
                        break;
                    case "freeze":
                        if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            error = "\"freeze\" must be true or false.";
                            return false;
                        }

                        freeze = property.Value.GetBoolean();
                        break;
                    default:
                        error = "Unknown field \"" + property.Name + "\"; the clock accepts \"seconds\", \"to\" and \"freeze\".";
                        return false;
                }
            }

            if (advanceBy is not null && to is not null)
            {
                error = "Give either \"seconds\" or \"to\", not both.";
                return false;
            }

            if (advanceBy is null && to is null && freeze is null)
            {
                error = "Give \"seconds\" to advance the clock, \"to\" to set it, or \"freeze\" to stop or resume it.";
                return false;
            }

            request = new ClockMoveRequest(advanceBy, to, freeze);
            error = string.Empty;
            return true;
        }
    }
}
