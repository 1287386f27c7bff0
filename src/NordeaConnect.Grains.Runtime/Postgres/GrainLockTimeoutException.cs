namespace NordeaConnect.Grains.Runtime;

/// <summary>An exclusive turn could not take its grain's cross-node lock in time: another node's turn held it.</summary>
public sealed class GrainLockTimeoutException : TimeoutException
{
    public GrainLockTimeoutException(GrainId grainId, TimeSpan lockTimeout, Exception? innerException = null)
        : base($"Exclusive turn on grain {grainId} could not take the grain's lock within {lockTimeout}: another node's turn holds it. The call was not run; retry it.", innerException)
    {
        GrainId = grainId;
        LockTimeout = lockTimeout;
    }

    public GrainId GrainId { get; }

    public TimeSpan LockTimeout { get; }
}
