namespace NordeaConnect.Sandbox.Store;

/// <summary>
/// Id sequences shared by all merchants, as on the real service: an id never repeats across merchants,
/// so one merchant asking for another's id gets a 404 rather than someone else's record.
/// </summary>
internal sealed class EntityIds
{
    private long _transaction;
    private long _refund;
    private long _storedCard;
    private long _plan;
    private long _subscription;
    private long _customer;
    private long _webhookTemplate;
    private long _webhook;

    public long NextTransaction() => Interlocked.Increment(ref _transaction);

    public long NextRefund() => Interlocked.Increment(ref _refund);

    public long NextStoredCard() => Interlocked.Increment(ref _storedCard);

    public long NextPlan() => Interlocked.Increment(ref _plan);

    public long NextSubscription() => Interlocked.Increment(ref _subscription);

    public long NextCustomer() => Interlocked.Increment(ref _customer);

    public long NextWebhookTemplate() => Interlocked.Increment(ref _webhookTemplate);

    public long NextWebhook() => Interlocked.Increment(ref _webhook);
}
