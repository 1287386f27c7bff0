namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// Marks a grain class whose activation must be exclusive across every node sharing the storage: reading its state and
/// running <see cref="Grain.OnActivateAsync"/> hold the same lock as an <see cref="ExclusiveTurnAttribute"/> turn.
/// Use it when activation writes state that a turn on another node may be writing at the same moment, e.g. settling an
/// operation journal: without the lock, a node could judge an operation that another node is still carrying out.
/// With in-memory storage (one node) an activation is already exclusive.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ExclusiveActivationAttribute : Attribute;
