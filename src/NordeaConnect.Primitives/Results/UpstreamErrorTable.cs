using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace NordeaConnect.Primitives;

/// <summary>Every error of the reference's table, each mapped to exactly one result code and one gRPC status.</summary>
public static partial class UpstreamErrorTable
{
    private static readonly UpstreamError[] Entries = CreateEntries();

    private static readonly FrozenDictionary<int, UpstreamError> ByCode = Entries.ToFrozenDictionary(e => e.Code);

    private static readonly FrozenDictionary<string, UpstreamError> ByName =
        Entries.GroupBy(e => e.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>All rows, in the reference's order.</summary>
    public static IReadOnlyList<UpstreamError> All => Entries;

    public static bool TryGet(int upstreamCode, [NotNullWhen(true)] out UpstreamError? error) => ByCode.TryGetValue(upstreamCode, out error);

    public static UpstreamError Get(int upstreamCode) =>
        TryGet(upstreamCode, out var error)
            ? error
            : throw new KeyNotFoundException($"Upstream error code {upstreamCode} is not in the Nordea Connect error table.");

    public static bool TryGetByName(string technicalName, [NotNullWhen(true)] out UpstreamError? error)
    {
        ArgumentNullException.ThrowIfNull(technicalName);
        return ByName.TryGetValue(technicalName, out error);
    }

    /// <summary>The result code for an upstream error object, falling back by HTTP status when the code is not in the table.</summary>
    public static ResultCode ResultCodeFor(int? upstreamCode, int httpStatus)
    {
        if (upstreamCode is { } code && TryGet(code, out var known))
        {
            return known.ResultCode;
        }

        return httpStatus switch
        {
            401 or 403 => ResultCode.UpstreamAuthenticationFailed,
            404 => ResultCode.UpstreamNotFound,
            408 or 504 => ResultCode.UpstreamTimeout,
            >= 500 => ResultCode.UpstreamUnavailable,
            402 => ResultCode.UpstreamDeclined,
            _ => ResultCode.UpstreamRejected,
        };
    }
}
