using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer-creation")]
internal sealed class CustomerCreationGrain(
    [PersistentState("creation")] IPersistentState<CachedEntityState<CustomerSnapshot>> state,
    ICustomerUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<CustomerCreationGrain> logger)
    : CreationGrain<CachedEntityState<CustomerSnapshot>>("customer ref", state, options, time, logger), ICustomerCreationGrain
{
    public Task<OperationResult<CustomerSnapshot>> CreateAsync(JsonElement? metadata = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<CustomerSnapshot>
            {
                IdempotencyKey = CreationKey,
                Operation = OperationNames.CreateCustomer,
                Fingerprint = new RequestFingerprint(OperationNames.CreateCustomer).Add("ref", Reference).Add("metadata", metadata).Compute(),
                ReplaceFailed = true,
                CheckAsync = _ => Task.FromResult(
                    metadata is { ValueKind: not JsonValueKind.Object }
                        ? new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.")
                        : null),
                Details = () => new OperationDetails { Ref = Reference },
                SendAsync = async token =>
                {
                    var created = await upstream.CreateAsync(new CustomerCreateRequest { Ref = Reference, Metadata = metadata }, token).ConfigureAwait(false);
                    Stored.State = Stored.State.WithEntity(created, Time.GetUtcNow());
                    return (Outcome(created), created);
                },
                ReplayAsync = (_, _) => Task.FromResult(Stored.State.Entity),
            },
            cancellationToken);

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var found = await upstream.FindByRefAsync(Reference, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no customer with ref '" + Reference + "', so the creation was not carried out.");
        }

        var created = found[0];
        Stored.State = Stored.State.WithEntity(created, Time.GetUtcNow());
        return ReconciliationVerdict.Done(
            Outcome(created),
            FormattableString.Invariant($"upstream has customer {created.Id} with ref '{Reference}', so the creation was carried out."));
    }

    private static JournalOutcome Outcome(CustomerSnapshot created) => new()
    {
        Code = ResultCode.Success,
        Description = FormattableString.Invariant($"Customer {created.Id} created."),
        EntityId = created.Id,
    };
}
