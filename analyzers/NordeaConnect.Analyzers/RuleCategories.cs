namespace NordeaConnect.Analyzers;

internal static class RuleCategories
{
    public const string Amounts = "NordeaConnect.Amounts";
    public const string RequestHash = "NordeaConnect.RequestHash";
}
