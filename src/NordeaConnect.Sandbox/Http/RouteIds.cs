using System.Globalization;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Http;

/// <summary>Ids in paths: anything that is not a positive whole number names no record, so it is a 404 like an unknown id.</summary>
internal static class RouteIds
{
    public static long Parse(string? text, string resource) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new ApiException(SandboxErrors.NotFound, resource, text ?? string.Empty);
}
