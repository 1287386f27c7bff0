using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer-creation")]
internal sealed class CustomerCreationGrain : Grain, ICustomerCreationGrain
{
    private readonly IPersistentState<CachedEntityState<CustomerSnapshot>> _state;
    private readonly ICustomerUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CustomerCreationGrain> _logger;
    private JournalKeeper<CachedEntityState<CustomerSnapshot>>? _keeper;

    public CustomerCreationGrain(
        [PersistentState("creation")] IPersistentState<CachedEntityState<CustomerSnapshot>> state,
        ICustomerUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        ILogger<CustomerCreationGrain> logger)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string Ref => this.GetPrimaryKeyString();

    private JournalKeeper<CachedEntityState<CustomerSnapshot>> Keeper =>
        _keeper ??= new JournalKeeper<CachedEntityState<CustomerSnapshot>>(_state, ReconcileAsync, _time, _options.Journal, _logger, "customer ref " + Ref);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public Task<OperationResult<CustomerSnapshot>> CreateAsync(JsonElement? metadata = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<CustomerSnapshot>
            {
                IdempotencyKey = "create/" + Uri.EscapeDataString(Ref),
                Operation = OperationNames.CreateCustomer,
                Fingerprint = new RequestFingerprint(OperationNames.CreateCustomer).Add("ref", Ref).Add("metadata", metadata).Compute(),
                ReplaceFailed = true,
                CheckAsync = _ => Task.FromResult(
                    metadata is { ValueKind: not JsonValueKind.Object }
                        ? new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.")
                        : null),
                Details = () => new OperationDetails { Ref = Ref },
                SendAsync = async token =>
                {
                    var created = await _upstream.CreateAsync(new CustomerCreateRequest { Ref = Ref, Metadata = metadata }, token).ConfigureAwait(false);
                    _state.State = _state.State with { Entity = created, RefreshedAt = _time.GetUtcNow() };
                    return (Outcome(created), created);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Entity),
            },
            cancellationToken);

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var found = await _upstream.FindByRefAsync(Ref, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no customer with ref '" + Ref + "', so the creation was not carried out.");
        }

        var created = found[0];
        _state.State = _state.State with { Entity = created, RefreshedAt = _time.GetUtcNow() };
        return ReconciliationVerdict.Done(
            Outcome(created),
            FormattableString.Invariant($"upstream has customer {created.Id} with ref '{Ref}', so the creation was carried out."));
    }

    private static JournalOutcome Outcome(CustomerSnapshot created) => new()
    {
        Code = ResultCode.Success,
        Description = FormattableString.Invariant($"Customer {created.Id} created."),
        EntityId = created.Id,
    };
}
