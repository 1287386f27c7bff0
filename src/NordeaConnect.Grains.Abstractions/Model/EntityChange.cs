namespace NordeaConnect.Grains;

/// <summary>The count of changes an entity's grain has made or seen, and why the last one happened.</summary>
/// <param name="Version">Grows by one with every change; 1 is the first state the grain knew.</param>
/// <param name="Reason">created, charged, updated, captured, refunded, deleted, webhook or refreshed.</param>
[GenerateSerializer, Immutable, Alias("nordeaconnect.EntityChange")]
public sealed record EntityChange([property: Id(0)] long Version, [property: Id(1)] string Reason)
{
    /// <summary>The first state a grain learns of by reading it.</summary>
    public static EntityChange FirstRead { get; } = new(1, "refreshed");

    /// <summary>The change after this one.</summary>
    public EntityChange Next(string reason) => new(Version + 1, reason);
}

/// <summary>A snapshot that carries the change count of the state it shows.</summary>
public interface IVersionedSnapshot<TSelf>
    where TSelf : IVersionedSnapshot<TSelf>
{
    /// <summary>Null on a snapshot no grain has counted (e.g. a list item read from upstream).</summary>
    EntityChange? Change { get; }

    TSelf WithChange(EntityChange change);
}
