using System.Globalization;

namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>How the dashboard prints times and durations: UTC, invariant culture, the same everywhere.</summary>
internal static class DashboardFormat
{
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string IsoTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string After(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "at once",
        < 120 => "+" + span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s",
        < 7200 => "+" + span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min",
        < 172_800 => "+" + span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        _ => "+" + span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days",
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a status badge; unknown statuses get the neutral one.</summary>
    public static string Badge(string status) => status switch
    {
        "approved" or "delivered" or "active" or "recorded" => "badge ok",
        "failed" or "exhausted" or "not_delivered" or "cancelled" or "deleted" => "badge bad",
        "pending" or "authorized" or "retrying" => "badge wait",
        _ => "badge",
    };
}
