namespace NordeaConnect.Sandbox.Hosting;

/// <summary>Where the sandbox is mapped inside its host (a prefix when embedded, e.g. in the gateway).</summary>
internal sealed class SandboxRoutes
{
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The start of payment links (<c>href</c>): the checkout simulation under this host and prefix.</summary>
    public string PaymentLinkBase(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/_sandbox/checkout/";
}
