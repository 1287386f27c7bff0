using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NordeaConnect.Sandbox.Json;

/// <summary>
/// The serializer context the sandbox writes answers with: source-generated, with letters of every script left as
/// they are (the reference's Swedish texts read "Kortnummer saknas", not "\u00E5") while HTML-sensitive characters
/// stay escaped.
/// </summary>
internal static class SandboxJson
{
    public static SandboxJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new UpstreamDateTimeConverter() },
    });
}
