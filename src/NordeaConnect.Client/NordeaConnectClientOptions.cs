using System.Globalization;

namespace NordeaConnect.Client;

/// <summary>
/// Settings of the Nordea Connect client, bound from the configuration section <c>NordeaConnect</c>.
/// <see cref="ToString"/> never shows the API password or hash secret.
/// </summary>
public sealed class NordeaConnectClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "NordeaConnect";

    /// <summary>The API root without the version, e.g. <c>https://api.nordeaconnect.com</c>; the client appends <c>v1/...</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The merchant id: the Basic auth user name and the first field of every request hash.</summary>
    public string MerchantId { get; set; } = string.Empty;

    /// <summary>The API password set in the merchant portal (Basic auth password).</summary>
    public string ApiPassword { get; set; } = string.Empty;

    /// <summary>The secret of the request hash (merchant portal, Integration tab).</summary>
    public string HashSecret { get; set; } = string.Empty;

    /// <summary>Allows plain http to a host that is not loopback (a sandbox on another machine). Never for production.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The default language of upstream error descriptions: <c>en</c> or <c>sv</c>; null sends none (upstream default).</summary>
    public string? Locale { get; set; }

    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take, all retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a read (or a write marked safe) after a timeout, dropped connection, 408, 429 or 5xx.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts must be seen within the sampling window before the circuit may open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls (without sending them) before letting one through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal NordeaConnectClientOptions Clone() => (NordeaConnectClientOptions)MemberwiseClone();

    internal void CopyTo(NordeaConnectClientOptions target)
    {
        target.BaseAddress = BaseAddress;
        target.MerchantId = MerchantId;
        target.ApiPassword = ApiPassword;
        target.HashSecret = HashSecret;
        target.AllowInsecureHttp = AllowInsecureHttp;
        target.Locale = Locale;
        target.AttemptTimeout = AttemptTimeout;
        target.TotalTimeout = TotalTimeout;
        target.MaxRetryAttempts = MaxRetryAttempts;
        target.RetryBaseDelay = RetryBaseDelay;
        target.RetryMaxDelay = RetryMaxDelay;
        target.CircuitBreakerFailureRatio = CircuitBreakerFailureRatio;
        target.CircuitBreakerMinimumThroughput = CircuitBreakerMinimumThroughput;
        target.CircuitBreakerSamplingDuration = CircuitBreakerSamplingDuration;
        target.CircuitBreakerBreakDuration = CircuitBreakerBreakDuration;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NordeaConnect {{ BaseAddress = {BaseAddress}, MerchantId = {MerchantId}, ApiPassword = {Redact(ApiPassword)}, HashSecret = {Redact(HashSecret)}, Locale = {Locale ?? "(upstream default)"}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, MaxRetryAttempts = {MaxRetryAttempts} }}");

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "[redacted]";
}
