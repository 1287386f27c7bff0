using System.Reflection;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>
/// A grain reference: implements the grain interface through <see cref="DispatchProxy"/>, and turns each call into a
/// <see cref="GrainCall"/> queued into the target activation's mailbox.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainRegistration? _registration;

    public GrainId GrainId { get; private set; }

    public static TGrainInterface Create<TGrainInterface>(GrainRuntime runtime, GrainRegistration registration, GrainId grainId)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        var grainProxy = (GrainProxy)(object)proxy!;
        grainProxy._runtime = runtime;
        grainProxy._registration = registration;
        grainProxy.GrainId = grainId;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _registration!.FindMethod(targetMethod)
            ?? throw new InvalidOperationException($"{targetMethod.DeclaringType?.Name}.{targetMethod.Name} is not a method of grain interface {_registration.InterfaceType.Name}.");
        return method.Dispatch(_runtime!, _registration, GrainId, args ?? []);
    }

    public override string ToString() => "GrainReference(" + GrainId + ")";
}
