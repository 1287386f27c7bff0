using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Gateway.Services;
using NordeaConnect.Primitives;
using NordeaConnect.Grains;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Notifications.Feed;

/// <summary>
/// The message a Get returns for each state the gateway publishes, and its JSON: UTF-8, proto field names
/// (<c>payment_ref</c>), default values written, so a receiver sees the same fields a gRPC caller does.
/// </summary>
public static class EntityMessages
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The Get response for <paramref name="state"/> and why it changed; false when the gateway publishes no such state.</summary>
    public static bool TryDescribe(object state, [NotNullWhen(true)] out IMessage? response, [NotNullWhen(true)] out string? reason)
    {
        (response, reason) = state switch
        {
            TransactionSnapshot transaction => ((IMessage?)TransactionsService.Response(transaction), transaction.Change?.Reason),
            SubscriptionSnapshot subscription => (new V1.SubscriptionResponse { Result = Success(), Subscription = subscription.ToMessage() }, subscription.Change?.Reason),
            StoredCardSnapshot card => (new V1.StoredCardResponse { Result = Success(), StoredCard = card.ToMessage() }, card.Change?.Reason),
            CustomerSnapshot customer => (new V1.CustomerResponse { Result = Success(), Customer = customer.ToMessage() }, customer.Change?.Reason),
            _ => ((IMessage?)null, (string?)null),
        };
        return response is not null && reason is not null;
    }

    public static string ToJson(IMessage message) => Formatter.Format(message);

    /// <summary>Sets the version in the change info of the entity inside <paramref name="response"/> (the outbox's numbering wins).</summary>
    public static IMessage WithVersion(IMessage response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var field in response.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == Google.Protobuf.Reflection.FieldType.Message
                && field.Accessor.GetValue(response) is IMessage entity
                && entity.Descriptor.FindFieldByName("change") is { } changeField
                && changeField.Accessor.GetValue(entity) is V1.ChangeInfo change)
            {
                change.Version = version;
            }
        }

        return response;
    }

    private static V1.Result Success() => ResultMessages.Success(ResultCode.Success);

    /// <summary>Reads a stored change back as the Get response it was made from.</summary>
    public static T Parse<T>(string json)
        where T : IMessage<T>, new() => Parser.Parse<T>(json);
}
