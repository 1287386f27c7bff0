using System.Text.Json;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Settings of the grain runtime, set through <c>AddGrainRuntime(options =&gt; ...)</c>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long one turn may run before its cancellation token is canceled and its caller gets a
    /// <see cref="TimeoutException"/>. Default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may wait in the mailbox for its turn before its caller gets a <see cref="TimeoutException"/>.
    /// Default 60 s; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An activation without calls for this long is collected. Default 15 min.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When more activations than this are live, idle ones are collected least recently used first, down to
    /// 90 % of the cap. Default 100,000.</summary>
    public int MaxActivations { get; set; } = 100_000;

    /// <summary>Bound on <see cref="Grain.OnDeactivateAsync"/> plus the final state writes of one activation. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Serializes persistent states. Add a source-generated context with
    /// <c>SerializerOptions.TypeInfoResolverChain.Insert(0, MyContext.Default)</c>.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    internal void Validate()
    {
        RequireTimeout(TurnTimeout, nameof(TurnTimeout));
        RequireTimeout(QueueTimeout, nameof(QueueTimeout));
        RequirePositive(IdleCollectionAge, nameof(IdleCollectionAge));
        RequirePositive(CollectionInterval, nameof(CollectionInterval));
        RequirePositive(DeactivationTimeout, nameof(DeactivationTimeout));
        if (MaxActivations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxActivations), MaxActivations, "MaxActivations must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(SerializerOptions, nameof(SerializerOptions));
    }

    private static void RequireTimeout(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan)
        {
            RequirePositive(value, name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        // CancellationTokenSource and timers take at most uint.MaxValue - 1 milliseconds.
        if (value <= TimeSpan.Zero || value.TotalMilliseconds >= uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and below 49 days.");
        }
    }
}
