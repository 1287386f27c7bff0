using System.Text.Json;
using NordeaConnect.Grains.Storage;
using NordeaConnect.Grains.Tests.Infrastructure;

namespace NordeaConnect.Grains.Tests.State;

/// <summary>
/// Grain state is stored as plain JSON an operator can read: camelCase properties, no .NET type or assembly names,
/// so renaming a class does not break reading what was stored. A stored card keeps its token (it pays with it).
/// </summary>
public sealed class StoredStateShapeTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);
    private readonly GrainStateJsonSerializer _serializer = new();

    [Fact]
    public void An_entity_state_is_plain_json_with_entity_refreshed_at_and_journal()
    {
        var state = new CachedEntityState<TransactionSnapshot>().WithEntity(Snapshots.Transaction("approved", "10.00"), ReadAt);

        var json = _serializer.Serialize(state).ToString();

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["entity", "refreshedAt", "journal"], document.RootElement.EnumerateObject().Select(property => property.Name).ToArray());
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NordeaConnect", json, StringComparison.Ordinal);
        Assert.Equal("10.00", document.RootElement.GetProperty("entity").GetProperty("amount").GetString());
        var read = _serializer.Deserialize<CachedEntityState<TransactionSnapshot>>(BinaryData.FromString(json));
        Assert.Equal(7510, read.Entity?.Id);
        Assert.Equal(ReadAt, read.RefreshedAt);
    }

    [Fact]
    public void A_stored_card_state_keeps_the_token_it_charges_with()
    {
        var card = new StoredCardSnapshot { Id = 3, Status = "active", Token = "tok_123" };
        var state = new CachedEntityState<StoredCardSnapshot>().WithEntity(card, ReadAt);

        var read = _serializer.Deserialize<CachedEntityState<StoredCardSnapshot>>(_serializer.Serialize(state));

        Assert.Equal("tok_123", read.Entity?.Token);
    }
}
