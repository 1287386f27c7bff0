namespace NordeaConnect.Analyzers.Amounts;

/// <summary>A place where Nordea Connect reads a value as an amount, with a short description for diagnostics.</summary>
internal readonly struct AmountPosition
{
    public AmountPosition(string description, bool allowsNegative)
    {
        Description = description;
        AllowsNegative = allowsNegative;
    }

    /// <summary>For messages: "form field 'amount'", "property 'VatAmount'", "Amount.Parse".</summary>
    public string Description { get; }

    public bool AllowsNegative { get; }
}
