using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>A change sink that keeps what the grains announced, for tests to read.</summary>
internal sealed class RecordedChanges : IEntityChangeSink
{
    private readonly ConcurrentQueue<(long Id, object Snapshot, EntityChange Change)> _changes = new();

    public void Changed<TSnapshot>(long id, TSnapshot snapshot)
        where TSnapshot : class, IVersionedSnapshot<TSnapshot> =>
        _changes.Enqueue((id, snapshot, snapshot.Change ?? throw new InvalidOperationException("A grain announced a state without its change count.")));

    /// <summary>The changes announced for entity <paramref name="id"/> of type <typeparamref name="TSnapshot"/>, oldest first.</summary>
    public IReadOnlyList<(TSnapshot Snapshot, EntityChange Change)> Of<TSnapshot>(long id)
        where TSnapshot : class =>
        [.. _changes.Where(c => c.Id == id && c.Snapshot is TSnapshot).Select(c => ((TSnapshot)c.Snapshot, c.Change))];
}
