using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Sandbox.Tests.Infrastructure;

/// <summary>One sandbox on Kestrel at 127.0.0.1 (dynamic port) shared by a test class, with two merchants.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public RunningSandbox Sandbox { get; private set; } = null!;

    public SandboxApi Api { get; private set; } = null!;

    /// <summary>A second merchant, to prove each merchant sees only its own data.</summary>
    public SandboxApi OtherMerchantApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions();
        options.Merchants.Add(new SandboxMerchant());
        options.Merchants.Add(new SandboxMerchant { Id = "77", Password = "other-password", HashSecret = "other-secret" });
        Sandbox = await SandboxServer.StartAsync(options);
        Api = new SandboxApi(Sandbox.CreateClient(), Sandbox.Merchants[0]);
        OtherMerchantApi = new SandboxApi(Sandbox.CreateClient(Sandbox.Merchants[1]), Sandbox.Merchants[1]);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        OtherMerchantApi.Dispose();
        await Sandbox.DisposeAsync();
    }
}
