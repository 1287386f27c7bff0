using System.Globalization;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Store;

/// <summary>Finds a record by id in one of a merchant's collections, or refuses with a 404 naming what is missing.</summary>
internal static class Records
{
    public static T Find<T>(SortedDictionary<long, T> records, long id, string resource) =>
        records.TryGetValue(id, out var record)
            ? record
            : throw new ApiException(SandboxErrors.NotFound, resource, id.ToString(CultureInfo.InvariantCulture));
}
