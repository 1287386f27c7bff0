namespace NordeaConnect.Client;

/// <summary>Fluent building of list options that keeps the derived type (<c>new TransactionListOptions { Limit = 50 }.Where(...)</c>).</summary>
public static class ListOptionsExtensions
{
    public static T Where<T>(this T options, ListFilter filter)
        where T : ListOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddFilter(filter);
        return options;
    }

    public static T Extending<T>(this T options, params IEnumerable<string> paths)
        where T : ListOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddExtend(paths);
        return options;
    }
}
