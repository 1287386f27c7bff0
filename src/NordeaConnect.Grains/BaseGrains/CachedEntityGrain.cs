using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains;

/// <summary>
/// A journaled grain for one upstream entity keyed by its id (a transaction, subscription, customer, stored card): it
/// caches the entity as upstream last showed it, answers reads within a staleness bound, and re-reads on request or when
/// told the entity changed. A subclass says how to read the entity upstream and adds its own operations.
/// </summary>
internal abstract class CachedEntityGrain<TState, TSnapshot> : JournaledGrain<TState>
    where TState : class, ICachedEntityState<TState, TSnapshot>
    where TSnapshot : class
{
    private readonly string _entityName;

    /// <param name="entityName">What the entity is, as the journal's logs name it: "transaction", "stored card".</param>
    protected CachedEntityGrain(string entityName, IPersistentState<TState> state, IOptions<PaymentGrainsOptions> options, TimeProvider time, ILogger logger)
        : base(state, options, time, logger)
    {
        _entityName = entityName;
    }

    protected long Id => this.GetPrimaryKeyLong();

    /// <summary>The entity as upstream last showed it, or null before the first read.</summary>
    protected TSnapshot? Cached => Stored.State.Entity;

    protected sealed override string JournalSubject => _entityName + " " + Id.ToString(CultureInfo.InvariantCulture);

    public async Task<OperationResult<TSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        if (Cached is { } cached && CacheEntries.IsFresh(Stored.State.RefreshedAt, maxStaleness ?? Options.DefaultStaleness, Time))
        {
            return OperationResults.Read(cached, IsTest(cached));
        }

        return await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperationResult<TSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var entity = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
            return OperationResults.Read(entity, IsTest(entity));
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, Cached);
        }
    }

    public Task<OperationResult<TSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default) =>
        RefreshAsync(cancellationToken);

    /// <summary>Reads the entity upstream (no caching: <see cref="ReadUpstreamAsync"/> records what comes back).</summary>
    protected abstract Task<TSnapshot> FetchAsync(long id, CancellationToken cancellationToken);

    /// <summary>Whether the entity is a test-mode one, which reads answer with the test-mode success code.</summary>
    protected virtual bool IsTest(TSnapshot entity) => false;

    /// <summary>The cached entity if it is younger than <see cref="PaymentGrainsOptions.MutationStaleness"/>, else a fresh read:
    /// a mutation is checked against this.</summary>
    protected async Task<TSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken) =>
        Cached is { } cached && CacheEntries.IsFresh(Stored.State.RefreshedAt, Options.MutationStaleness, Time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);

    protected async Task<TSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken)
    {
        var entity = await FetchAsync(Id, cancellationToken).ConfigureAwait(false);
        Observe(entity);
        return entity;
    }

    /// <summary>Caches what upstream just showed (a read, or a mutation's response).</summary>
    protected void Observe(TSnapshot entity) =>
        Stored.State = Stored.State.WithEntity(entity, Time.GetUtcNow());
}
