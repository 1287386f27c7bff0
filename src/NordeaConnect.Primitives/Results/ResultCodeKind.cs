namespace NordeaConnect.Primitives;

/// <summary>The first group of a result code: what kind of outcome it is.</summary>
public enum ResultCodeKind
{
    /// <summary><c>000</c>: done (live, test mode, pending or authorized).</summary>
    Success = 0,

    /// <summary><c>100</c>: refused by the gateway before any upstream call.</summary>
    GatewayRefused = 100,

    /// <summary><c>200</c>: refused by Nordea Connect's validation.</summary>
    UpstreamValidation = 200,

    /// <summary><c>800</c>: declined by the bank, acquirer, rule engine or stored card.</summary>
    Declined = 800,

    /// <summary><c>900</c>: communication or system trouble; the outcome may be unknown until reconciled.</summary>
    SystemTrouble = 900,
}
