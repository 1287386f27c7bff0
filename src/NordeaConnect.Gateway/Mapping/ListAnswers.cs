using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>
/// Fills a list answer only while it stays within the message size limit. A page that would not fit is refused
/// (100.100.001 on <c>options.limit</c>) with the limit that does fit, before the answer is built, instead of failing
/// to send it as RESOURCE_EXHAUSTED with no advice.
/// </summary>
public static class ListAnswers
{
    /// <summary>What the items may take: the message limit less room for the result and page info.</summary>
    public const int ItemBudget = GatewayServiceCollectionExtensions.MaxMessageSize - (64 * 1024);

    public static void AddWithinLimit<TItem, TMessage>(RepeatedField<TMessage> target, IEnumerable<TItem> items, Func<TItem, TMessage> toMessage)
        where TMessage : IMessage
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(toMessage);
        var messages = new List<TMessage>();
        long size = 0;
        foreach (var item in items)
        {
            var message = toMessage(item);
            // Tag and length prefix of a repeated message field: at most 1 + 5 bytes.
            size += message.CalculateSize() + 6;
            if (size > ItemBudget)
            {
                var fits = Math.Max(1, messages.Count);
                throw new GatewayRefusalException(
                    ResultCode.InvalidArgument,
                    string.Create(CultureInfo.InvariantCulture, $"The answer would exceed the {GatewayServiceCollectionExtensions.MaxMessageSize / (1024 * 1024)} MiB message limit after {messages.Count} items: ask with options.limit {fits} (and page on with options.offset)"),
                    "options.limit");
            }

            messages.Add(message);
        }

        target.Add(messages);
    }
}
