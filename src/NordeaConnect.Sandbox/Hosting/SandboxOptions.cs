namespace NordeaConnect.Sandbox.Hosting;

/// <summary>
/// How a sandbox is set up; bound from the configuration section <c>Sandbox</c>
/// (<c>Sandbox:Merchants:0:Id</c>, <c>Sandbox:Merchants:0:Password</c>, <c>Sandbox:Merchants:0:HashSecret</c>, ...).
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The merchants; when empty, the reference's merchant <c>3</c> / <c>password</c> / <c>secret</c>.</summary>
    public List<SandboxMerchant> Merchants { get; } = [];

    /// <summary>The port <see cref="SandboxServer.StartAsync"/> binds on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Where the test clock starts; the wall clock's now when unset.</summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>Seeds the sandbox's randomness (webhook retry jitter, fault injection) so runs repeat.</summary>
    public int RandomSeed { get; set; } = 20180817;

    /// <summary>The merchants in force: the configured ones, or the reference's default merchant.</summary>
    public IReadOnlyList<SandboxMerchant> EffectiveMerchants => Merchants.Count > 0 ? Merchants : [new SandboxMerchant()];
}
