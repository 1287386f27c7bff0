using System.Text.Json;
using NordeaConnect.Grains.Tests.Infrastructure;

namespace NordeaConnect.Grains.Tests.State;

/// <summary>
/// States already stored in PostgreSQL must stay readable, so their JSON keeps the property names it was written with
/// (serialized with the runtime's default, <see cref="JsonSerializerDefaults.Web"/>): the cached-entity seam the grains
/// share is explicit and must not add a property.
/// </summary>
public sealed class StoredStateShapeTests
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_transaction_state_keeps_its_transaction_property()
    {
        var state = new TransactionGrainState().WithEntity(Snapshots.Transaction("approved", "10.00"), ReadAt);

        Assert.Equal(["transaction", "refreshedAt", "journal"], PropertyNames(state));
        var read = JsonSerializer.Deserialize<TransactionGrainState>(JsonSerializer.Serialize(state, Stored), Stored)!;
        Assert.Equal(7510, read.Transaction?.Id);
        Assert.Equal(ReadAt, read.RefreshedAt);
    }

    [Fact]
    public void A_subscription_state_keeps_its_subscription_property()
    {
        var state = new SubscriptionGrainState().WithEntity(new SubscriptionSnapshot { Id = 42 }, ReadAt);

        Assert.Equal(["subscription", "refreshedAt", "journal"], PropertyNames(state));
        var read = JsonSerializer.Deserialize<SubscriptionGrainState>(JsonSerializer.Serialize(state, Stored), Stored)!;
        Assert.Equal(42, read.Subscription?.Id);
        Assert.Equal(ReadAt, read.RefreshedAt);
    }

    [Fact]
    public void A_cached_entity_state_keeps_its_entity_property()
    {
        var state = new CachedEntityState<CustomerSnapshot>().WithEntity(new CustomerSnapshot { Id = 9 }, ReadAt);

        Assert.Equal(["entity", "refreshedAt", "journal"], PropertyNames(state));
        var read = JsonSerializer.Deserialize<CachedEntityState<CustomerSnapshot>>(JsonSerializer.Serialize(state, Stored), Stored)!;
        Assert.Equal(9, read.Entity?.Id);
        Assert.Equal(ReadAt, read.RefreshedAt);
    }

    private static string[] PropertyNames<TState>(TState state)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(state, Stored));
        return [.. document.RootElement.EnumerateObject().Select(property => property.Name)];
    }
}
