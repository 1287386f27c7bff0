using Microsoft.Extensions.DependencyInjection;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// The payment grains on a two-silo Orleans cluster with in-memory storage, on fake upstreams shared by both silos:
/// the grains' logic, fast and deterministic.
/// </summary>
internal sealed class FakeNode : IAsyncDisposable
{
    private TestSilos? _silos;

    public IGrainFactory Grains => _silos!.Grains;

    /// <summary>The grain factory of silo <paramref name="index"/>: calls made there start on that silo.</summary>
    public IGrainFactory On(int index) => _silos!.On(index);

    public FakeTransactionUpstream Transactions { get; } = new();

    public FakeSubscriptionUpstream Subscriptions { get; } = new();

    public FakeStoredCardUpstream StoredCards { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    /// <summary>Every change the grains announced, in the order they announced them.</summary>
    public RecordedChanges Changes { get; } = new();

    public static async Task<FakeNode> StartAsync(Action<PaymentGrainsOptions>? configure = null)
    {
        var node = new FakeNode();
        node._silos = await TestSilos.StartAsync(null, silo =>
        {
            silo.Services.AddSingleton<TimeProvider>(node.Clock);
            silo.Services.AddSingleton<ITransactionUpstream>(node.Transactions);
            silo.Services.AddSingleton<ISubscriptionUpstream>(node.Subscriptions);
            silo.Services.AddSingleton<IStoredCardUpstream>(node.StoredCards);
            silo.Services.AddSingleton<IEntityChangeSink>(node.Changes);
            silo.AddPaymentGrains(configure).UsePaymentGrainsMemoryStorage();
        });
        return node;
    }

    /// <summary>Deactivates every idle activation, so the next call activates afresh from storage (as after a restart).</summary>
    public Task CollectAllAsync() => _silos!.CollectAllAsync();

    public async ValueTask DisposeAsync()
    {
        if (_silos is not null)
        {
            await _silos.DisposeAsync();
        }
    }
}
