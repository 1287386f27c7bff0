using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Client;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// The service's grains as production wires them, on a two-silo Orleans cluster: the payment grains and the REST
/// client over real HTTP to the sandbox, with grain state and reminders in PostgreSQL when a schema is given (a cluster
/// started again on it finds the state). Every request either silo's client sends is counted.
/// </summary>
internal sealed class SandboxNode : IAsyncDisposable
{
    private readonly TestSilos _silos;

    private SandboxNode(TestSilos silos, CallCounter upstreamCalls, CallCounter upstreamLocales)
    {
        _silos = silos;
        UpstreamCalls = upstreamCalls;
        UpstreamLocales = upstreamLocales;
    }

    public IGrainFactory Grains => _silos.Grains;

    /// <summary>The grain factory of silo <paramref name="index"/> (0 or 1): a caller on that node.</summary>
    public IGrainFactory On(int index) => _silos.On(index);

    /// <summary>The REST client of the first silo, for reading upstream directly.</summary>
    public INordeaConnectClient Client => _silos.Services(0).GetRequiredService<INordeaConnectClient>();

    /// <summary>Requests the silos' clients sent upstream, by "METHOD path".</summary>
    public CallCounter UpstreamCalls { get; }

    /// <summary>Requests that asked upstream for a locale, by "METHOD path locale".</summary>
    public CallCounter UpstreamLocales { get; }

    public static async Task<SandboxNode> StartAsync(
        RunningSandbox sandbox,
        PostgresSchema? postgres = null,
        Action<NordeaConnectClientOptions>? client = null,
        Action<PaymentGrainsOptions>? grains = null)
    {
        var counter = new CallCounter();
        var locales = new CallCounter();
        var silos = await TestSilos.StartAsync(postgres?.Name, silo =>
        {
            silo.Services.AddNordeaConnectClient(options =>
                {
                    options.BaseAddress = sandbox.BaseAddress;
                    options.MerchantId = sandbox.Merchant.Id;
                    options.ApiPassword = sandbox.Merchant.Password;
                    options.HashSecret = sandbox.Merchant.HashSecret;
                    options.AllowInsecureHttp = true;
                    // Generous: a test machine shared with other builds can stall a loopback answer for seconds.
                    options.AttemptTimeout = TimeSpan.FromSeconds(15);
                    options.TotalTimeout = TimeSpan.FromSeconds(40);
                    options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                    options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
                    client?.Invoke(options);
                })
                .AddHttpMessageHandler(() => new CountingHandler(counter, locales));
            silo.AddPaymentGrains(grains);
            if (postgres is null)
            {
                silo.UsePaymentGrainsMemoryStorage();
            }
            else
            {
                // Membership stays the test cluster's own; grain state and reminders go to PostgreSQL as in production.
                silo.UsePaymentGrainsPostgresStorage(postgres.ConnectionString);
            }
        });
        return new SandboxNode(silos, counter, locales);
    }

    public ValueTask DisposeAsync() => _silos.DisposeAsync();
}
