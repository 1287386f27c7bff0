namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>One dependency the gateway cannot serve without. Checks must be cheap and bounded: probes call them often.</summary>
public interface IReadinessCheck
{
    /// <summary>Short lower-case name shown in the readiness answer, e.g. <c>postgres</c>.</summary>
    string Name { get; }

    /// <summary>Null when reachable, otherwise why not, in words safe to show (no addresses' credentials, no secrets).</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
