using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>One capture of an authorized transaction.</summary>
internal sealed record CaptureRecord(Amount Amount, DateTimeOffset CapturedAt);
