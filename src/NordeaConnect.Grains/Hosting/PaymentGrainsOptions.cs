namespace NordeaConnect.Grains;

/// <summary>Settings of the payment grains, set through <c>siloBuilder.AddPaymentGrains(options =&gt; ...)</c>.</summary>
public sealed class PaymentGrainsOptions
{
    /// <summary>How old cached state a read may return when the caller sets no bound. Default 5 s.</summary>
    public TimeSpan DefaultStaleness { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old cached state a mutation's checks may rely on before the grain reads upstream first. The cache holds
    /// everything this service did, so only changes made elsewhere (the merchant portal, the billing engine) can be
    /// missed, and upstream still refuses what does not fit. Default 1 min.
    /// </summary>
    public TimeSpan MutationStaleness { get; set; } = TimeSpan.FromMinutes(1);

    public JournalRetention Journal { get; set; } = JournalRetention.Default;

    /// <summary>
    /// How long a mutation's upstream call may run before the grain cancels it; an intent's deadline is its start plus
    /// this, and no activation judges the intent not done before then. Longer than the client's own total timeout,
    /// so the client gives up first and says how. Default 45 s.
    /// </summary>
    public TimeSpan UpstreamCallTimeout { get; set; } = TimeSpan.FromSeconds(45);

    public void Validate()
    {
        if (DefaultStaleness < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultStaleness), DefaultStaleness, "DefaultStaleness cannot be negative.");
        }

        if (MutationStaleness < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MutationStaleness), MutationStaleness, "MutationStaleness cannot be negative.");
        }

        if (UpstreamCallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(UpstreamCallTimeout), UpstreamCallTimeout, "UpstreamCallTimeout must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Journal, nameof(Journal));
        Journal.Validate();
    }
}
