using System.Globalization;
using Refit;

namespace NordeaConnect.Client;

/// <summary>
/// Writes <see cref="ListOptions"/> in the reference's list syntax, e.g.
/// <c>limit=2&amp;offset=20&amp;order_by=amount:desc&amp;filter[test]=false&amp;extend=customer</c>. The bracketed
/// <c>filter[field]</c> keys are added pre-escaped, since Refit would otherwise escape the brackets; field names are
/// validated (<c>[a-z0-9_.]</c>) so they are safe verbatim.
/// </summary>
public sealed class ListQueryConverter : IQueryConverter<ListOptions>
{
    public void Flatten(ListOptions value, string prefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(value);
        builder.AddPreEscapedKey("limit", value.Limit?.ToString(CultureInfo.InvariantCulture), preEncoded: true);
        builder.AddPreEscapedKey("offset", value.Offset?.ToString(CultureInfo.InvariantCulture), preEncoded: true);
        builder.AddPreEscapedKey("start_id", value.StartId?.ToString(CultureInfo.InvariantCulture), preEncoded: true);
        builder.AddPreEscapedKey("order_by", value.OrderBy is { } order ? QueryText.Escape(order.ToString()) : null, preEncoded: true);
        foreach (var filter in value.Filters)
        {
            builder.AddPreEscapedKey("filter[" + filter.Field + "]", QueryText.Escape(filter.Expression), preEncoded: true);
        }

        builder.AddPreEscapedKey("extend", value.Extend.Count == 0 ? null : string.Join(',', value.Extend), preEncoded: true);
    }
}
