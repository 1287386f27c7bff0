using System.Text.RegularExpressions;

namespace NordeaConnect.Client;

/// <summary>What may stand inside <c>filter[...]</c>, <c>order_by</c> and <c>extend</c>: a snake_case field or a metadata path.</summary>
internal static partial class FilterFieldName
{
    public static void Validate(string field, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field, parameterName);
        if (!Field().IsMatch(field) && !MetadataPath().IsMatch(field))
        {
            throw new ArgumentException(
                $"'{field}' is not a field name the upstream can filter or sort on: use a snake_case field such as 'created_at' or a metadata path such as 'metadata.customer.name'.",
                parameterName);
        }
    }

    public static bool IsMetadataPath(string field) => field.StartsWith("metadata.", StringComparison.Ordinal);

    public static void ValidateExtend(string path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, parameterName);
        if (!ExtendPath().IsMatch(path))
        {
            throw new ArgumentException(
                $"'{path}' is not an extend path: use an object name such as 'customer' or an attribute such as 'customer.ref'.",
                parameterName);
        }
    }

    public static void ValidateMetadataSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment, nameof(segment));
        if (!MetadataSegment().IsMatch(segment))
        {
            throw new ArgumentException(
                $"'{segment}' cannot be part of a metadata path: a segment is a key or an array index made of letters, digits, '_' or '-'.",
                nameof(segment));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    [GeneratedRegex(@"^metadata(\.[A-Za-z0-9_\-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataPath();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataSegment();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtendPath();
}
