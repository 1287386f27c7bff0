namespace NordeaConnect.Grains.Runtime;

internal static class PersistentStateName
{
    public const int MaxLength = 100;

    public static void Validate(string stateName, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName, parameterName);
        if (stateName.Length > MaxLength)
        {
            throw new ArgumentException($"Persistent state name '{stateName}' is longer than {MaxLength} characters.", parameterName);
        }
    }
}
