namespace NordeaConnect.Grains.Runtime;

/// <summary>Hands out references to grains. A reference is cheap; the activation behind it is created on the first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain with this string key; calls through it are queued into that grain's mailbox.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with this integer key; calls through it are queued into that grain's mailbox.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey;
}
