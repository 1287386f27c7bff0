namespace NordeaConnect.Grains.Runtime.State;

/// <summary>What the activation needs from each of its persistent states, whatever their type.</summary>
internal interface IActivationState
{
    string StateName { get; }

    /// <summary>State was assigned since it was last read or written.</summary>
    bool IsDirty { get; }

    Task ReadStateAsync(CancellationToken cancellationToken);

    Task WriteStateAsync(CancellationToken cancellationToken);

    /// <summary>Before a turn: reloads the state if storage may hold a newer version (always asks when <paramref name="force"/>).</summary>
    ValueTask RefreshIfNeededAsync(bool force, CancellationToken cancellationToken);

    /// <summary>A turn failed after assigning the state without writing it: drop the change and re-read before the next turn.</summary>
    void DiscardUnsavedChanges();

    /// <summary>Another node stored <paramref name="version"/>; refresh before the next turn if it is newer.</summary>
    void Invalidate(long version);
}
