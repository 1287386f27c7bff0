using System.Text.RegularExpressions;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// Looks for what must never be logged or stored: the suite's test card number in any separator form (spaces, dashes,
/// dots, or digits spread by any non-digit characters), the CVV next to a card field, the API password and the hash
/// secret. A masked card number (first six and last four) is fine; the full sixteen digits are not.
/// </summary>
internal static partial class SecretScan
{
    public static IReadOnlyList<string> Find(IEnumerable<(string Name, string Text)> outputs, string storedData)
    {
        var findings = new List<string>();
        foreach (var (name, text) in outputs.Append(("PostgreSQL tables", storedData)))
        {
            foreach (var finding in FindIn(text))
            {
                findings.Add(name + ": " + finding);
            }
        }

        return findings;
    }

    public static IEnumerable<string> FindIn(string text)
    {
        if (PanInAnyForm().Match(text) is { Success: true } pan)
        {
            yield return "full card number at offset " + pan.Index + " (" + Context(text, pan.Index) + ")";
        }

        if (CvvField().Match(text) is { Success: true } cvv)
        {
            yield return "CVV at offset " + cvv.Index;
        }

        foreach (var secret in new[] { SandboxProcess.ApiPassword, SandboxProcess.HashSecret })
        {
            var index = text.IndexOf(secret, StringComparison.Ordinal);
            if (index >= 0)
            {
                yield return (secret == SandboxProcess.ApiPassword ? "API password" : "hash secret") + " at offset " + index;
            }
        }
    }

    public static string? Describe(IReadOnlyList<string> findings) => findings.Count == 0 ? null : string.Join('\n', findings);

    // The context around a finding with every digit masked, so the failure message does not repeat the secret.
    private static string Context(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        var slice = text.Substring(start, Math.Min(100, text.Length - start));
        return DigitPattern().Replace(slice, "#");
    }

    // The test card number with at most three non-digit, non-newline characters between consecutive digits.
    private static readonly Regex PanPattern = new(string.Join(@"[^0-9\n]{0,3}", Payments.TestPan.ToCharArray()), RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static Regex PanInAnyForm() => PanPattern;

    // The test CVV as a field value: cvv=737, "card_cvv":"737", CardCvv = 737 ...
    [GeneratedRegex(@"cvv[""']?\s*[:=]\s*[""']?737", RegexOptions.IgnoreCase)]
    private static partial Regex CvvField();

    [GeneratedRegex("[0-9]")]
    private static partial Regex DigitPattern();
}
