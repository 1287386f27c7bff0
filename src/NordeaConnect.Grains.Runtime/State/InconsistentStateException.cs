namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// A write or clear found storage at another version than the activation's cache: someone else wrote the state.
/// The call fails; the runtime reloads the state before the activation's next turn.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(GrainId grainId, string stateName, long expectedVersion, long? storedVersion)
        : base(FormatMessage(grainId, stateName, expectedVersion, storedVersion))
    {
        GrainId = grainId;
        StateName = stateName;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    public GrainId GrainId { get; }

    public string StateName { get; }

    /// <summary>The version the activation's cache held (0: it believed no record existed).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version storage holds; null when no record exists there.</summary>
    public long? StoredVersion { get; }

    private static string FormatMessage(GrainId grainId, string stateName, long expectedVersion, long? storedVersion) =>
        $"State '{stateName}' of grain {grainId} was changed by someone else: the activation holds version {expectedVersion} but storage holds "
        + (storedVersion is { } v ? "version " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no record")
        + ". The state is reloaded before the next turn; retry the call.";
}
