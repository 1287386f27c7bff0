using System.Diagnostics;

namespace NordeaConnect.Gateway.Tests.Observability;

/// <summary>
/// Prometheus' own checker of the text format (<c>promtool check metrics</c>, Debian's prometheus package, installed by
/// scripts/ensure-promtool.sh). A machine without it fails the test: the check is the point.
/// </summary>
internal static class Promtool
{
    /// <summary>promtool's exit code when the text parsed and only lint problems were found.</summary>
    private const int LintProblemsExitCode = 3;

    /// <summary>
    /// Lint problems of families named by OpenTelemetry's semantic conventions or by Orleans, not by us: Orleans'
    /// durations in milliseconds, memory in megabytes and camelCase labels (its message-size histograms, present only
    /// once silos have exchanged messages), and the runtime's and Npgsql's <c>*.count</c> gauges
    /// (<c>dotnet.assembly.count</c>, <c>db.client.connection.count</c>). Renaming them would break the dashboards
    /// made for those conventions; our own families must have no problem at all.
    /// </summary>
    public static bool IsKnownConventionClash(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Text switch
        {
            "use base unit \"seconds\" instead of \"milliseconds\"" or "use base unit \"bytes\" instead of \"megabytes\""
                or "label names should be written in 'snake_case' not 'camelCase'" => problem.Metric.StartsWith("orleans_", StringComparison.Ordinal),
            "non-histogram and non-summary metrics should not have \"_count\" suffix" => problem.Metric.StartsWith("dotnet_", StringComparison.Ordinal) || problem.Metric.StartsWith("db_client_", StringComparison.Ordinal),
            _ => false,
        };
    }

    public static async Task<Check> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new Xunit.Sdk.XunitException("promtool is not installed (" + missing.Message + "): run scripts/ensure-promtool.sh, or scripts/ensure-test-prerequisites.sh.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(exposition);
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            var text = await output + await errors;
            var problems = process.ExitCode == LintProblemsExitCode
                ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', 2)).Select(parts => new Problem(parts[0], parts.Length > 1 ? parts[1] : string.Empty)).ToArray()
                : [];
            return new Check(process.ExitCode is 0 or LintProblemsExitCode, problems, text);
        }
    }

    /// <summary>Parsed: the text is valid exposition format; problems: what the linter said, metric by metric.</summary>
    internal sealed record Check(bool Parsed, IReadOnlyList<Problem> Problems, string Output);

    internal sealed record Problem(string Metric, string Text);
}
