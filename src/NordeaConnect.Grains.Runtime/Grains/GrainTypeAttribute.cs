namespace NordeaConnect.Grains.Runtime;

/// <summary>Names a grain class's type in grain ids and storage. Without it the class name is used; set it so that
/// renaming the class does not orphan stored state.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute : Attribute
{
    public GrainTypeAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Grain type name '{name}' must not contain '/'.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }
}
