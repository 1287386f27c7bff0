using NordeaConnect.Primitives;
using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>PUT /v1/transactions/{id}/capture</c>.</summary>
public sealed class CaptureForm
{
    [AliasAs("amount")]
    public required Amount Amount { get; init; }
}
