using System.Text;

namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>
/// OpenTelemetry-style instrument names turned into Prometheus ones: dots and other characters outside
/// <c>[a-zA-Z0-9_:]</c> become underscores, the unit becomes a suffix (s → seconds, ms → milliseconds, By → bytes;
/// annotations such as <c>{call}</c> add nothing) and counters end in <c>_total</c>.
/// </summary>
public static class PrometheusNames
{
    public static string MetricName(string instrumentName, string? unit, bool counter)
    {
        ArgumentNullException.ThrowIfNull(instrumentName);
        var name = Sanitize(instrumentName, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        return counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    public static string LabelName(string tagName)
    {
        ArgumentNullException.ThrowIfNull(tagName);
        var name = Sanitize(tagName, allowColon: false);
        // Names starting with __ are reserved for Prometheus itself.
        return name.StartsWith("__", StringComparison.Ordinal) ? "tag" + name : name;
    }

    private static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "By" => "bytes",
        _ when unit.StartsWith('{') && unit.EndsWith('}') => null,
        _ => Sanitize(unit, allowColon: false).Trim('_') is { Length: > 0 } sanitized ? sanitized : null,
    };

    private static string Sanitize(string text, bool allowColon)
    {
        if (text.Length == 0)
        {
            return "_";
        }

        var builder = new StringBuilder(text.Length + 1);
        if (char.IsAsciiDigit(text[0]))
        {
            builder.Append('_');
        }

        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return builder.ToString();
    }
}
