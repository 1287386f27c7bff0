namespace NordeaConnect.Grains.Runtime.Activation;

internal enum ActivationStatus
{
    /// <summary>In the directory, accepting calls; the grain is constructed by the first turn.</summary>
    Created,

    /// <summary>Constructed, states read, OnActivateAsync done.</summary>
    Active,

    /// <summary>Accepts no new calls; runs the calls already queued, then OnDeactivateAsync.</summary>
    Deactivating,

    /// <summary>Gone from the directory; calls that still find it go to a fresh activation.</summary>
    Deactivated,
}
