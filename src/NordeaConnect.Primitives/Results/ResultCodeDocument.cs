using System.Globalization;
using System.Reflection;
using System.Text;

namespace NordeaConnect.Primitives;

/// <summary>Renders the result codes and the upstream error table as Markdown (docs/result-codes.md).</summary>
public static class ResultCodeDocument
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# Result codes");
        text.AppendLine();
        text.AppendLine("<!-- Generated from NordeaConnect.Primitives by ResultCodeDocumentTests; do not edit by hand. -->");
        text.AppendLine("<!-- Regenerate with: NC_UPDATE_DOCS=1 dotnet test tests/NordeaConnect.Primitives.Tests -->");
        text.AppendLine();
        text.AppendLine("Every gRPC response carries `result { code, description, upstream_error }`. The code is `ddd.ddd.ddd`; the first group is the kind:");
        text.AppendLine();
        text.AppendLine("| kind | meaning |");
        text.AppendLine("|---|---|");
        text.AppendLine("| `000` | success: `000.000.000` live, `000.100.110` test mode, `000.200.xxx` pending or authorized |");
        text.AppendLine("| `100` | refused by the gateway before any upstream call (validation, state conflicts, idempotency-key misuse, credentials) |");
        text.AppendLine("| `200` | refused by Nordea Connect's validation |");
        text.AppendLine("| `800` | declined (bank, acquirer, rule engine, stored card) |");
        text.AppendLine("| `900` | communication or system trouble (timeout, 5xx, outcome unknown until reconciled) |");
        text.AppendLine();
        text.AppendLine("## The gateway's own codes");
        text.AppendLine();
        text.AppendLine("| result code | name |");
        text.AppendLine("|---|---|");
        foreach (var (name, code) in WellKnownCodes())
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{code.Value}` | {name} |").AppendLine();
        }

        text.AppendLine();
        text.AppendLine("## Nordea Connect's error table");
        text.AppendLine();
        text.AppendLine("Each error code of the reference maps to exactly one result code: `kind.(100 + 100 × ⌊code / 1000⌋).(code mod 1000)`, so the mapping can be read both ways.");
        text.AppendLine();
        text.AppendLine("| upstream code | technical name | result code | gRPC status | description |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var error in UpstreamErrorTable.All)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {error.Code} | `{error.Name}` | `{error.ResultCode.Value}` | {ToScreamingSnake(error.GrpcStatus)} | {error.Description.Replace("|", "\\|", StringComparison.Ordinal)} |").AppendLine();
        }

        return text.ToString();
    }

    private static IEnumerable<(string Name, ResultCode Code)> WellKnownCodes() =>
        typeof(ResultCode).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ResultCode))
            .Select(p => (p.Name, (ResultCode)p.GetValue(null)!))
            .OrderBy(p => p.Item2.Value, StringComparer.Ordinal);

    private static string ToScreamingSnake(GrpcStatusCode status)
    {
        var name = status.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
