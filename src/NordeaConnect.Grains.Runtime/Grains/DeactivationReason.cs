namespace NordeaConnect.Grains.Runtime;

/// <summary>Why an activation is being deactivated (the names follow Orleans).</summary>
public enum DeactivationReasonCode
{
    /// <summary>Idle for longer than <see cref="GrainRuntimeOptions.IdleCollectionAge"/>, or collected on request.</summary>
    ActivationIdle,

    /// <summary>Collected, least recently used first, because live activations exceeded <see cref="GrainRuntimeOptions.MaxActivations"/>.</summary>
    ActivationLimitExceeded,

    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The runtime is stopping.</summary>
    ShuttingDown,
}

/// <summary>Why an activation is being deactivated, with a human-readable description.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => ReasonCode + ": " + Description;
}
