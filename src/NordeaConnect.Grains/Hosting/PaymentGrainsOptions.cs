namespace NordeaConnect.Grains;

/// <summary>Settings of the payment grains, set through <c>AddPaymentGrains(options =&gt; ...)</c>.</summary>
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

        ArgumentNullException.ThrowIfNull(Journal, nameof(Journal));
        Journal.Validate();
    }
}
