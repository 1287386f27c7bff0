namespace NordeaConnect.Grains.Runtime.Storage;

/// <summary>Where one named state of one grain is stored.</summary>
internal readonly record struct GrainStateKey(GrainId GrainId, string StateName)
{
    public override string ToString() => GrainId + "#" + StateName;
}
