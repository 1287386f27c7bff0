namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>The outcome of one readiness evaluation: each check's problem, null when fine.</summary>
public sealed record ReadinessReport(DateTimeOffset CheckedAt, IReadOnlyDictionary<string, string?> Problems)
{
    public bool IsReady => Problems.Values.All(static problem => problem is null);
}
