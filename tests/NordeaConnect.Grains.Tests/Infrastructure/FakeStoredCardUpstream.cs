using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>An in-memory upstream for stored cards.</summary>
internal sealed class FakeStoredCardUpstream : IStoredCardUpstream
{
    private readonly ConcurrentDictionary<long, StoredCardSnapshot> _cards = new();

    public CallCounter Calls { get; } = new();

    public StoredCardSnapshot Add(long id, string status, DateTimeOffset? expires)
    {
        var card = new StoredCardSnapshot { Id = id, Status = status, Expires = expires, Token = "tok-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-4242", CardHolder = "Ann", Test = true };
        _cards[id] = card;
        return card;
    }

    public Task<StoredCardSnapshot> GetAsync(long storedCardId, CancellationToken cancellationToken)
    {
        Calls.Add("get");
        return Task.FromResult(_cards[storedCardId]);
    }

    public Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, CancellationToken cancellationToken)
    {
        Calls.Add("status");
        var updated = _cards[storedCardId] with { Status = status };
        _cards[storedCardId] = updated;
        return Task.FromResult(updated);
    }

    public Task<StoredCardSnapshot> DeleteAsync(long storedCardId, CancellationToken cancellationToken)
    {
        Calls.Add("delete");
        var deleted = _cards[storedCardId] with { Status = "deleted" };
        _cards[storedCardId] = deleted;
        return Task.FromResult(deleted);
    }
}
