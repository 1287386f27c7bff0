namespace NordeaConnect.Sandbox.Hosting;

/// <summary>Where the sandbox is mapped inside its host (a prefix when embedded, e.g. in the gateway).</summary>
internal sealed class SandboxRoutes
{
    private volatile string? _lastPaymentLinkBase;

    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The payment link base the last API call saw, for objects rendered outside a request (webhook bodies);
    /// a relative path until the first call.
    /// </summary>
    public string LastPaymentLinkBase => _lastPaymentLinkBase ?? Prefix + "/_sandbox/checkout/";

    /// <summary>The start of payment links (<c>href</c>): the checkout simulation under this host and prefix.</summary>
    public string PaymentLinkBase(HttpContext http) =>
        _lastPaymentLinkBase = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/_sandbox/checkout/";
}
