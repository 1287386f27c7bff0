using System.Globalization;
using Refit;

namespace NordeaConnect.Client;

/// <summary>
/// Renders form fields in the reference's exact text: <c>true</c>/<c>false</c> in lower case, amounts as
/// <c>12.00</c>, currencies in lower case, numbers in the invariant culture, whatever the thread's culture.
/// </summary>
internal sealed class UpstreamFormFormatter : IFormUrlEncodedParameterFormatter
{
    public string? Format(object? value, string? formatString) =>
        value switch
        {
            null => null,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(formatString, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
