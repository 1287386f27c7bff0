namespace NordeaConnect.Primitives;

/// <summary>Text that is not an amount; the message names the value and the rule it broke.</summary>
public sealed class AmountFormatException : FormatException
{
    public AmountFormatException(string value, string reason)
        : base(reason)
    {
        Value = value;
    }

    /// <summary>The text that was refused.</summary>
    public string Value { get; }
}
