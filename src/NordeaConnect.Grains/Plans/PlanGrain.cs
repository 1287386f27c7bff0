using Microsoft.Extensions.Options;
using NordeaConnect.Client;

namespace NordeaConnect.Grains;

[GrainType("plan")]
internal sealed class PlanGrain : Grain, IPlanGrain
{
    private readonly IPersistentState<CachedEntityState<PlanSnapshot>> _state;
    private readonly IPlanUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;

    public PlanGrain(
        [PersistentState("plan", PaymentGrainsStorage.Name)] IPersistentState<CachedEntityState<PlanSnapshot>> state,
        IPlanUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
    }

    public async Task<OperationResult<PlanSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        if (Diagnostics.GrainMetrics.CacheLookup(this, CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time)) && _state.State.Entity is { } cached)
        {
            return OperationResults.Read(cached, test: false);
        }

        return await RefreshAsync(cancellationToken);
    }

    public async Task<OperationResult<PlanSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var plan = await _upstream.GetAsync(this.GetPrimaryKeyLong(), cancellationToken);
            _state.State = _state.State with { Entity = plan, RefreshedAt = _time.GetUtcNow() };
            return OperationResults.Read(plan, test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, _state.State.Entity);
        }
    }
}
