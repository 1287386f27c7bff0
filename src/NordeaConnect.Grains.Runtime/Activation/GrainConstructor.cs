using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.State;

namespace NordeaConnect.Grains.Runtime.Activation;

/// <summary>
/// How to construct one grain class: each constructor parameter is either a [PersistentState] (created for the grain)
/// or a service from the activation's scope, as ActivatorUtilities would resolve it.
/// </summary>
internal sealed class GrainConstructor
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly string?[] _stateNames;
    private readonly Type?[] _stateTypes;

    private GrainConstructor(Type grainClass)
    {
        _constructor = SelectConstructor(grainClass);
        _parameters = _constructor.GetParameters();
        _stateNames = new string?[_parameters.Length];
        _stateTypes = new Type?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var isStateType = parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>);
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is not null && !isStateType)
            {
                throw new ArgumentException($"Grain class {grainClass.Name}: constructor parameter '{parameter.Name}' has [PersistentState] but its type is {parameter.ParameterType.Name}, not IPersistentState<T>.");
            }

            if (attribute is null && isStateType)
            {
                throw new ArgumentException($"Grain class {grainClass.Name}: constructor parameter '{parameter.Name}' is an IPersistentState<T> without [PersistentState(\"name\")].");
            }

            if (attribute is not null)
            {
                _stateNames[i] = attribute.StateName;
                _stateTypes[i] = parameter.ParameterType.GetGenericArguments()[0];
            }
        }
    }

    public static GrainConstructor For(Type grainClass) => new(grainClass);

    public Grain Construct(ActivationContext context, PersistentStateFactory stateFactory)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i] = _stateNames[i] is { } stateName
                ? stateFactory.CreateForParameter(_stateTypes[i]!, context, stateName)
                : ResolveService(context, _parameters[i]);
        }

        using (ActivationContext.BeginConstruction(context))
        {
            return (Grain)_constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        }
    }

    private object? ResolveService(ActivationContext context, ParameterInfo parameter)
    {
        var service = context.Services.GetService(parameter.ParameterType);
        if (service is not null)
        {
            return service;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        throw new InvalidOperationException($"Cannot activate grain {context.GrainId}: no service of type {parameter.ParameterType.Name} is registered for constructor parameter '{parameter.Name}' of {_constructor.DeclaringType!.Name}.");
    }

    private static ConstructorInfo SelectConstructor(Type grainClass)
    {
        var constructors = grainClass.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 1)
        {
            return constructors[0];
        }

        var marked = constructors.Where(c => c.IsDefined(typeof(ActivatorUtilitiesConstructorAttribute), inherit: false)).ToArray();
        return marked.Length == 1
            ? marked[0]
            : throw new ArgumentException($"Grain class {grainClass.Name} must have exactly one public constructor, or mark one with [ActivatorUtilitiesConstructor].");
    }
}
