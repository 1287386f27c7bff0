using System.Reflection;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>A grain method whose turn produces <typeparamref name="TResult"/> (<see cref="VoidResult"/> for Task and ValueTask).</summary>
internal sealed class GrainMethod<TResult> : GrainMethod
{
    private readonly ReturnShape _shape;

    public GrainMethod(MethodInfo interfaceMethod, ReturnShape shape, bool isExclusive, int cancellationTokenIndex)
        : base(interfaceMethod, isExclusive, cancellationTokenIndex)
    {
        _shape = shape;
        Invoke = CompileInvoker<TResult>(interfaceMethod, shape, cancellationTokenIndex);
    }

    public Func<object, object?[], CancellationToken, ValueTask<TResult>> Invoke { get; }

    public override object Dispatch(GrainRuntime runtime, GrainRegistration registration, GrainId target, object?[] arguments)
    {
        var callerToken = CancellationTokenIndex >= 0 ? (CancellationToken)arguments[CancellationTokenIndex]! : default;
        var call = new GrainCall<TResult>(this, arguments, callerToken);
        runtime.Dispatch(registration, target, call);
        var completion = call.Completion;
        return _shape switch
        {
            ReturnShape.ValueTask => AwaitAdapters.ToValueTask((Task<VoidResult>)(object)completion),
            ReturnShape.ValueTaskOfT => AwaitAdapters.ToValueTaskOfT(completion),
            _ => completion,
        };
    }
}
