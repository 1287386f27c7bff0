using System.Globalization;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>The reference's pagination header: <c>Content-Range: items 16-20/173</c> (1-based, inclusive).</summary>
internal static class ContentRange
{
    public static string Of(int offset, int count, int total) =>
        count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"items */{total}")
            : string.Create(CultureInfo.InvariantCulture, $"items {offset + 1}-{offset + count}/{total}");
}
