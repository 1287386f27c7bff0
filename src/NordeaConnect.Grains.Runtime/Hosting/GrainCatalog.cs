namespace NordeaConnect.Grains.Runtime.Hosting;

/// <summary>The grain interfaces registered with AddGrain, and the grain classes behind them.</summary>
internal sealed class GrainCatalog
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface = [];
    private readonly Dictionary<string, Type> _classByGrainType = new(StringComparer.Ordinal);

    public void Add(Type interfaceType, Type grainClass)
    {
        if (!interfaceType.IsInterface)
        {
            throw new ArgumentException($"{interfaceType.Name} is not an interface; register grains by their grain interface.");
        }

        if (!typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType) && !typeof(IGrainWithIntegerKey).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"Grain interface {interfaceType.Name} must extend IGrainWithStringKey or IGrainWithIntegerKey.");
        }

        if (grainClass.IsAbstract || !typeof(Grain).IsAssignableFrom(grainClass) || !interfaceType.IsAssignableFrom(grainClass))
        {
            throw new ArgumentException($"Grain class {grainClass.Name} must be a concrete subclass of Grain implementing {interfaceType.Name}.");
        }

        var grainType = GrainRegistration.GrainTypeOf(grainClass);
        if (_classByGrainType.TryGetValue(grainType, out var existingClass) && existingClass != grainClass)
        {
            throw new ArgumentException($"Grain classes {existingClass.FullName} and {grainClass.FullName} share the grain type name '{grainType}'; give one of them a [GrainType(\"...\")].");
        }

        if (_byInterface.TryGetValue(interfaceType, out var existing))
        {
            if (existing.GrainClass == grainClass)
            {
                return;
            }

            throw new ArgumentException($"Grain interface {interfaceType.Name} is already registered with grain class {existing.GrainClass.Name}; each interface has one grain class.");
        }

        _byInterface[interfaceType] = new GrainRegistration(interfaceType, grainClass, grainType);
        _classByGrainType[grainType] = grainClass;
    }

    public GrainRegistration Get(Type interfaceType) =>
        _byInterface.GetValueOrDefault(interfaceType)
        ?? throw new InvalidOperationException($"No grain class is registered for grain interface {interfaceType.Name}; register it with AddGrainRuntime().AddGrain<{interfaceType.Name}, TGrain>().");
}
