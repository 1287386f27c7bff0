using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <summary>
/// Checks the client's settings at start-up, each failure naming the setting (as its configuration key) and how to
/// fix it. Messages never include the password or secret, only whether they are set.
/// </summary>
public sealed class NordeaConnectClientOptionsValidator : IValidateOptions<NordeaConnectClientOptions>
{
    private const string Section = NordeaConnectClientOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NordeaConnectClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, for callers without a host.</summary>
    public static void ThrowIfInvalid(NordeaConnectClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(NordeaConnectClientOptions), failures);
        }
    }

    internal static List<string> Check(NordeaConnectClientOptions options)
    {
        var failures = new List<string>();
        CheckBaseAddress(options, failures);

        if (string.IsNullOrWhiteSpace(options.MerchantId))
        {
            failures.Add($"{Section}:MerchantId is missing. Set it to your merchant id (the Basic auth user name shown in the merchant portal), e.g. \"{Section}\": {{ \"MerchantId\": \"3\" }} or the environment variable {Section}__MerchantId.");
        }
        else if (options.MerchantId.Contains(':', StringComparison.Ordinal) || options.MerchantId.Trim() != options.MerchantId)
        {
            failures.Add($"{Section}:MerchantId must not contain ':' or surrounding whitespace, because it is the Basic auth user name.");
        }

        if (string.IsNullOrEmpty(options.ApiPassword))
        {
            failures.Add($"{Section}:ApiPassword is missing. Set it to the API password from the merchant portal (Settings), preferably from a secret store or the environment variable {Section}__ApiPassword, never in a committed file.");
        }

        if (string.IsNullOrEmpty(options.HashSecret))
        {
            failures.Add($"{Section}:HashSecret is missing. Set it to the hash secret from the merchant portal (Integration tab), preferably from a secret store or the environment variable {Section}__HashSecret.");
        }

        if (options.Locale is not null && !Locales.IsSupported(options.Locale))
        {
            failures.Add($"{Section}:Locale '{options.Locale}' is not supported. Use \"en\" or \"sv\", or leave it unset for the upstream default.");
        }

        CheckPositive(failures, "AttemptTimeout", options.AttemptTimeout, "e.g. \"00:00:10\"");
        CheckPositive(failures, "TotalTimeout", options.TotalTimeout, "e.g. \"00:00:30\"");
        if (options.TotalTimeout > TimeSpan.Zero && options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"{Section}:AttemptTimeout ({Format(options.AttemptTimeout)}) is longer than {Section}:TotalTimeout ({Format(options.TotalTimeout)}), so no attempt could use it. Make TotalTimeout at least as long.");
        }

        // The standard resilience handler refuses a circuit that samples less than two attempts' worth of time.
        if (options.AttemptTimeout > TimeSpan.Zero && options.CircuitBreakerSamplingDuration < options.AttemptTimeout * 2)
        {
            failures.Add($"{Section}:CircuitBreakerSamplingDuration ({Format(options.CircuitBreakerSamplingDuration)}) is shorter than twice {Section}:AttemptTimeout ({Format(options.AttemptTimeout)}). Make it at least {Format(options.AttemptTimeout * 2)}.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Section}:MaxRetryAttempts is {options.MaxRetryAttempts.ToString(CultureInfo.InvariantCulture)}; use 0 (no retries) to 10.");
        }

        if (options.MaxRetryAttempts > 0)
        {
            CheckPositive(failures, "RetryBaseDelay", options.RetryBaseDelay, "e.g. \"00:00:00.200\"");
            if (options.RetryMaxDelay < options.RetryBaseDelay)
            {
                failures.Add($"{Section}:RetryMaxDelay ({Format(options.RetryMaxDelay)}) is shorter than {Section}:RetryBaseDelay ({Format(options.RetryBaseDelay)}). Make it at least as long.");
            }
        }

        if (options.CircuitBreakerFailureRatio is <= 0 or > 1 || double.IsNaN(options.CircuitBreakerFailureRatio))
        {
            failures.Add($"{Section}:CircuitBreakerFailureRatio is {options.CircuitBreakerFailureRatio.ToString(CultureInfo.InvariantCulture)}; use a share above 0 and at most 1, e.g. 0.5.");
        }

        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add($"{Section}:CircuitBreakerMinimumThroughput is {options.CircuitBreakerMinimumThroughput.ToString(CultureInfo.InvariantCulture)}; use at least 2.");
        }

        if (options.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add($"{Section}:CircuitBreakerSamplingDuration is {Format(options.CircuitBreakerSamplingDuration)}; use at least 00:00:00.500.");
        }

        if (options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add($"{Section}:CircuitBreakerBreakDuration is {Format(options.CircuitBreakerBreakDuration)}; use at least 00:00:00.500.");
        }

        return failures;
    }

    private static void CheckBaseAddress(NordeaConnectClientOptions options, List<string> failures)
    {
        var address = options.BaseAddress;
        if (address is null)
        {
            failures.Add($"{Section}:BaseAddress is missing. Set it to the API root, e.g. \"https://api.nordeaconnect.com\" (the client appends /v1/...).");
            return;
        }

        if (!address.IsAbsoluteUri)
        {
            failures.Add($"{Section}:BaseAddress '{address}' is not an absolute URL. Use e.g. \"https://api.nordeaconnect.com\".");
            return;
        }

        if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{Section}:BaseAddress '{address}' must use https.");
            return;
        }

        if (!string.IsNullOrEmpty(address.UserInfo) || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            failures.Add($"{Section}:BaseAddress must not carry user info, a query or a fragment; credentials go in {Section}:MerchantId and {Section}:ApiPassword.");
        }

        var path = address.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:BaseAddress '{address}' ends with the API version; give the root (e.g. \"{address.GetLeftPart(UriPartial.Authority)}\"), the client appends /v1/ itself.");
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address) && !options.AllowInsecureHttp)
        {
            failures.Add($"{Section}:BaseAddress '{address}' uses plain http to a host that is not loopback; Nordea Connect requires TLS 1.2 or above. Use https, or set {Section}:AllowInsecureHttp=true for a sandbox on another host.");
        }
    }

    /// <summary>The base address with a trailing slash, so the wire's <c>/v1/...</c> paths land under it.</summary>
    internal static Uri Root(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    internal static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static void CheckPositive(List<string> failures, string setting, TimeSpan value, string example)
    {
        if (value < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"{Section}:{setting} is {Format(value)}; it must be at least 10 ms, {example}.");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
