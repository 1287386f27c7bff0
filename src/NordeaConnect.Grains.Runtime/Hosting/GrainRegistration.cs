using System.Reflection;
using NordeaConnect.Grains.Runtime.Calls;

namespace NordeaConnect.Grains.Runtime.Hosting;

/// <summary>A grain interface bound to the grain class that implements it, with every method described up front.</summary>
internal sealed class GrainRegistration
{
    private readonly Dictionary<MethodInfo, GrainMethod> _methods;

    public GrainRegistration(Type interfaceType, Type grainClass, string grainType)
    {
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        GrainType = grainType;
        IsActivationExclusive = grainClass.IsDefined(typeof(ExclusiveActivationAttribute), inherit: true);
        _methods = [];
        foreach (var declaring in new[] { interfaceType }.Concat(interfaceType.GetInterfaces()))
        {
            foreach (var method in declaring.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                _methods[method] = GrainMethod.Create(interfaceType, method, grainClass);
            }
        }
    }

    public Type InterfaceType { get; }

    public Type GrainClass { get; }

    public string GrainType { get; }

    /// <summary>True when the class asks for its activation to hold the cross-node lock (<see cref="ExclusiveActivationAttribute"/>).</summary>
    public bool IsActivationExclusive { get; }

    public IEnumerable<GrainMethod> Methods => _methods.Values;

    public GrainMethod? FindMethod(MethodInfo interfaceMethod) => _methods.GetValueOrDefault(interfaceMethod);

    public static string GrainTypeOf(Type grainClass) =>
        grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? grainClass.Name;
}
