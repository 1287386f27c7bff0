namespace NordeaConnect.Sandbox.Hosting;

/// <summary>
/// One merchant the sandbox knows: Basic auth user name (<see cref="Id"/>) and password, the secret its request
/// hashes are made with, and the fees its cost objects are computed from.
/// </summary>
public sealed class SandboxMerchant
{
    public string Id { get; set; } = "3";

    // The built-in test merchant's credentials are public by design (the sandbox README and the reference's own examples
    // use them); they guard nothing. Real merchants' credentials come from configuration.
#pragma warning disable NC2006
    public string Password { get; set; } = "password";

    public string HashSecret { get; set; } = "secret";
#pragma warning restore NC2006

    /// <summary>Fixed fee per transaction (the reference's examples use 2.5).</summary>
    public decimal FixedFee { get; set; } = 2.5m;

    /// <summary>Percentual fee as a fraction of the amount (0.025).</summary>
    public decimal PercentualFee { get; set; } = 0.025m;

    /// <summary>Percentual exchange fee as a fraction of the amount (0.035).</summary>
    public decimal PercentualExchangeFee { get; set; } = 0.035m;

    public SandboxMerchant Copy() => (SandboxMerchant)MemberwiseClone();
}
