using System.Globalization;
using System.Text.Json;
using NordeaConnect.Sandbox.Faults;

namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>Reads the dashboard's "add a rule" form into the same <see cref="FaultRuleSpec"/> the JSON endpoint takes.</summary>
internal static class FaultRuleForm
{
    /// <exception cref="ArgumentException">A field is not a number where one is needed, or names an unknown kind.</exception>
    public static FaultRuleSpec Read(IFormCollection form)
    {
        var kindText = form["kind"].ToString();
        FaultKind kind;
        try
        {
            kind = JsonSerializer.Deserialize("\"" + kindText.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"", FaultJsonContext.Default.FaultKind);
        }
        catch (JsonException)
        {
            throw new ArgumentException("Unknown fault kind '" + kindText + "'.", nameof(form));
        }

        var rate = Number(form, "rate") ?? 100;
        if (rate > 100)
        {
            throw new ArgumentException("The rate must be from 0 to 100 (% of matching calls), not " + rate.ToString(CultureInfo.InvariantCulture) + ".", nameof(form));
        }

        var method = form["method"].ToString();
        return new FaultRuleSpec
        {
            Method = string.IsNullOrWhiteSpace(method) ? null : method.Trim(),
            Path = string.IsNullOrWhiteSpace(form["path"]) ? "/**" : form["path"].ToString().Trim(),
            Fault = kind,
            Status = kind == FaultKind.Status ? (int?)Number(form, "status") ?? 503 : null,
            LatencyMilliseconds = Number(form, "latency_ms") is { } latency and > 0 ? (int)latency : null,
            Probability = (double)(rate / 100m),
            Count = (int?)Number(form, "count"),
        };
    }

    private static decimal? Number(IFormCollection form, string name)
    {
        var text = form[name].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= int.MaxValue
            ? value
            : throw new ArgumentException("'" + name + "' must be a number, not '" + text + "'.", nameof(form));
    }
}
