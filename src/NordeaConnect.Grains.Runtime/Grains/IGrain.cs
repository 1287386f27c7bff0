namespace NordeaConnect.Grains.Runtime;

/// <summary>Marker for grain interfaces. A grain interface's methods return Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;
/// and may take a trailing <see cref="CancellationToken"/>.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key, obtained with <see cref="IGrainFactory.GetGrain{TGrainInterface}(string)"/>.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key, obtained with <see cref="IGrainFactory.GetGrain{TGrainInterface}(long)"/>.</summary>
public interface IGrainWithIntegerKey : IGrain;
