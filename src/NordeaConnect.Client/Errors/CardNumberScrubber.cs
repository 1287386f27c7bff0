using System.Text.RegularExpressions;

namespace NordeaConnect.Client;

/// <summary>
/// Removes anything shaped like a card number (12-19 digits, optionally grouped by spaces or dashes) from text that
/// came from the upstream before it goes into an exception message, in case an error description echoes input.
/// </summary>
internal static partial class CardNumberScrubber
{
    public static string? Scrub(string? text) => text is null ? null : CardNumberShape().Replace(text, "[redacted]");

    [GeneratedRegex(@"(?<!\d)\d(?:[ \-]?\d){11,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumberShape();
}
