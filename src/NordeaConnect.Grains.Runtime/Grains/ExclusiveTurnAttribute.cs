namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// Marks a grain method (on the interface or the grain class) whose turn must be exclusive across every node sharing the
/// storage. With PostgreSQL storage the turn holds an advisory lock on the grain's identity for its whole duration and
/// reloads any state another node wrote before the method runs. With in-memory storage (one node) a turn is already exclusive.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ExclusiveTurnAttribute : Attribute;
