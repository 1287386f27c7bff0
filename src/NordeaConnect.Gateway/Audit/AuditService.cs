using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;
using JournalEntryMessage = NordeaConnect.Grains.V1.JournalEntry;

namespace NordeaConnect.Gateway.Audit;

/// <summary><c>nordeaconnect.grains.v1.Audit</c>: an entity's journal, read through its grain, for the admin scope.</summary>
public sealed class AuditService(IGrainFactory grains) : Grains.V1.Audit.AuditBase
{
    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<GetJournalResponse> GetJournal(GetJournalRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Id <= 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "id must be a positive entity id", "id");
        }

        var journal = request.EntityKind switch
        {
            "transaction" => await grains.GetGrain<ITransactionGrain>(request.Id).GetJournalAsync(context.CancellationToken),
            "subscription" => await grains.GetGrain<ISubscriptionGrain>(request.Id).GetJournalAsync(context.CancellationToken),
            "customer" => await grains.GetGrain<ICustomerGrain>(request.Id).GetJournalAsync(context.CancellationToken),
            "stored_card" => await grains.GetGrain<IStoredCardGrain>(request.Id).GetJournalAsync(context.CancellationToken),
            _ => throw new GatewayRefusalException(ResultCode.InvalidArgument, "entity_kind must be transaction, subscription, customer or stored_card", "entity_kind"),
        };
        var response = new GetJournalResponse { Result = ResultMessages.Success(ResultCode.Success) };
        response.Entries.AddRange(journal.Select(ToMessage));
        return response;
    }

    private static JournalEntryMessage ToMessage(Grains.JournalEntry entry) => new()
    {
        IdempotencyKey = entry.Key,
        Operation = entry.Operation,
        Status = entry.Status switch
        {
            JournalStatus.Intent => "intent",
            JournalStatus.Unknown => "unknown",
            JournalStatus.Done => "done",
            JournalStatus.Failed => "failed",
            _ => "not_done",
        },
        StartedAt = Timestamp.FromDateTimeOffset(entry.StartedAt),
        CompletedAt = entry.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
        Caller = entry.Caller ?? string.Empty,
        ResultCode = entry.Outcome?.Code.Value ?? string.Empty,
        Description = entry.Outcome?.Description ?? string.Empty,
        Attempts = entry.Attempts,
        EntityId = entry.Outcome?.EntityId ?? 0,
    };
}
