using System.Linq.Expressions;
using System.Reflection;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>
/// What the runtime knows about one grain interface method: how the proxy turns a call into a queued
/// <see cref="GrainCall"/>, and a compiled delegate that invokes it on the grain (no reflection per call).
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo interfaceMethod, bool isExclusive, int cancellationTokenIndex)
    {
        InterfaceMethod = interfaceMethod;
        Name = interfaceMethod.DeclaringType!.Name + "." + interfaceMethod.Name;
        IsExclusive = isExclusive;
        CancellationTokenIndex = cancellationTokenIndex;
    }

    public MethodInfo InterfaceMethod { get; }

    /// <summary>Interface.Method, for errors and logs.</summary>
    public string Name { get; }

    /// <summary>Whether the turn holds the cross-node lock (see <see cref="ExclusiveTurnAttribute"/>).</summary>
    public bool IsExclusive { get; }

    /// <summary>The index of the trailing CancellationToken parameter, or -1.</summary>
    public int CancellationTokenIndex { get; }

    /// <summary>Queues the call and returns what the interface method returns (Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;).</summary>
    public abstract object Dispatch(GrainRuntime runtime, GrainRegistration registration, GrainId target, object?[] arguments);

    /// <summary>Describes <paramref name="interfaceMethod"/> as implemented by <paramref name="grainClass"/>; throws naming
    /// the method when its shape is not supported.</summary>
    public static GrainMethod Create(Type interfaceType, MethodInfo interfaceMethod, Type grainClass)
    {
        var name = interfaceMethod.DeclaringType!.Name + "." + interfaceMethod.Name;
        if (interfaceMethod.IsGenericMethodDefinition)
        {
            throw new ArgumentException($"Grain interface method {name} is generic; grain methods must not have type parameters.");
        }

        var parameters = interfaceMethod.GetParameters();
        foreach (var parameter in parameters)
        {
            if (parameter.ParameterType.IsByRef)
            {
                throw new ArgumentException($"Grain interface method {name} has ref/out/in parameter '{parameter.Name}'; grain calls pass arguments by value.");
            }
        }

        var tokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        if (tokenIndex >= 0 && tokenIndex != parameters.Length - 1)
        {
            throw new ArgumentException($"Grain interface method {name} takes a CancellationToken that is not its last parameter.");
        }

        var (shape, resultType) = ClassifyReturn(interfaceMethod.ReturnType)
            ?? throw new ArgumentException($"Grain interface method {name} returns {interfaceMethod.ReturnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");

        var isExclusive = interfaceMethod.IsDefined(typeof(ExclusiveTurnAttribute), inherit: true)
            || FindImplementation(interfaceType, interfaceMethod, grainClass)?.IsDefined(typeof(ExclusiveTurnAttribute), inherit: true) == true;

        var methodType = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(methodType, interfaceMethod, shape, isExclusive, tokenIndex)!;
    }

    private static (ReturnShape Shape, Type ResultType)? ClassifyReturn(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return (ReturnShape.Task, typeof(VoidResult));
        }

        if (returnType == typeof(ValueTask))
        {
            return (ReturnShape.ValueTask, typeof(VoidResult));
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnShape.TaskOfT, returnType.GetGenericArguments()[0]);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnShape.ValueTaskOfT, returnType.GetGenericArguments()[0]);
        }

        return null;
    }

    private static MethodInfo? FindImplementation(Type interfaceType, MethodInfo interfaceMethod, Type grainClass)
    {
        var declaring = interfaceMethod.DeclaringType!;
        if (!declaring.IsAssignableFrom(grainClass) || !declaring.IsAssignableFrom(interfaceType))
        {
            return null;
        }

        var map = grainClass.GetInterfaceMap(declaring);
        var index = Array.IndexOf(map.InterfaceMethods, interfaceMethod);
        return index < 0 ? null : map.TargetMethods[index];
    }

    /// <summary>Compiles (grain, arguments, turnToken) =&gt; ((TInterface)grain).Method(arguments..., turnToken) adapted to ValueTask&lt;TResult&gt;.</summary>
    protected static Func<object, object?[], CancellationToken, ValueTask<TResult>> CompileInvoker<TResult>(
        MethodInfo interfaceMethod, ReturnShape shape, int tokenIndex)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var turnToken = Expression.Parameter(typeof(CancellationToken), "turnToken");

        var parameters = interfaceMethod.GetParameters();
        var argumentExpressions = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            argumentExpressions[i] = i == tokenIndex
                ? turnToken
                : Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), parameters[i].ParameterType);
        }

        Expression call = Expression.Call(Expression.Convert(grain, interfaceMethod.DeclaringType!), interfaceMethod, argumentExpressions);
        Expression body = shape switch
        {
            ReturnShape.Task => Expression.Call(typeof(AwaitAdapters).GetMethod(nameof(AwaitAdapters.FromTask))!, call),
            ReturnShape.ValueTask => Expression.Call(typeof(AwaitAdapters).GetMethod(nameof(AwaitAdapters.FromValueTask))!, call),
            ReturnShape.TaskOfT => Expression.Call(typeof(AwaitAdapters).GetMethod(nameof(AwaitAdapters.FromTaskOfT))!.MakeGenericMethod(typeof(TResult)), call),
            _ => call,
        };

        return Expression.Lambda<Func<object, object?[], CancellationToken, ValueTask<TResult>>>(body, grain, arguments, turnToken).Compile();
    }
}
