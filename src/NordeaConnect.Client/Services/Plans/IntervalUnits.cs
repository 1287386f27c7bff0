namespace NordeaConnect.Client;

/// <summary>The interval units of plans and subscriptions.</summary>
public static class IntervalUnits
{
    public const string Days = "days";
    public const string Months = "months";

    internal static bool IsKnown(string? unit) => unit is Days or Months;
}
