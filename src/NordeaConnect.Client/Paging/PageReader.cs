using System.Runtime.CompilerServices;
using Refit;

namespace NordeaConnect.Client;

/// <summary>
/// Turns a list answer into a <see cref="Page{T}"/> (position and total from <c>Content-Range</c>, a content header)
/// and walks every page by offset. What the reference needs for paging and Refit cannot say.
/// </summary>
internal static class PageReader
{
    /// <summary>The page size <c>ListAllAsync</c> uses when the caller sets none (the upstream's default of 10 means many round trips).</summary>
    public const int DefaultWalkPageSize = 100;

    /// <summary>The upstream's page size when none is asked for.</summary>
    private const int UpstreamDefaultLimit = 10;

    public static async Task<Page<T>> ReadAsync<T>(Task<IApiResponse<T[]>> call, ListOptions? options)
    {
        using var response = await call.ConfigureAwait(false);
        IReadOnlyList<T> items = response.Content ?? [];
        ContentRange? range = response.ContentHeaders is { } headers
            && headers.NonValidated.TryGetValues("Content-Range", out var values)
            && ContentRange.TryParse(values.ToString(), out var parsed)
                ? parsed
                : null;

        // With start_id the position is only known from the header, whose first item is counted from one.
        var position = options?.StartId is not null && range?.First is { } first ? first - 1 : options?.Offset ?? 0;
        return new Page<T>(items, position, options?.Limit ?? UpstreamDefaultLimit, range?.Total);
    }

    /// <summary>Every item matching <paramref name="options"/>, fetching page after page by offset.</summary>
    public static async IAsyncEnumerable<T> WalkAsync<T>(
        ListOptions? options,
        Func<ListOptions, CancellationToken, Task<IApiResponse<T[]>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = options?.Offset ?? 0;
        var limit = options?.Limit ?? DefaultWalkPageSize;
        var template = options ?? new ListOptions();
        while (true)
        {
            var pageOptions = template.ForPage(offset, limit);
            var page = await ReadAsync(fetch(pageOptions, cancellationToken), pageOptions).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            // Advance by what arrived, not by the header's numbers, so a one-based or off-by-one range cannot skip items.
            offset += page.Items.Count;
            var exhausted = page.Items.Count == 0
                || (page.Total is { } total ? offset >= total : page.Items.Count < limit);
            if (exhausted)
            {
                yield break;
            }
        }
    }
}
