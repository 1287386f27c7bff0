namespace NordeaConnect.Sandbox.Clock;

/// <summary>
/// Work that must happen when sandbox time moves on: the billing engine charging due subscriptions, webhook
/// retries falling due. Register implementations with <c>services.AddSandboxClockListener&lt;T&gt;()</c>.
/// </summary>
public interface IClockListener
{
    /// <summary>Does whatever has fallen due at <paramref name="now"/>. Must be safe to call repeatedly with the same instant.</summary>
    Task OnClockMovedAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
