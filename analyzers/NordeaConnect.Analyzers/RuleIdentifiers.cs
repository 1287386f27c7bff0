namespace NordeaConnect.Analyzers;

/// <summary>Every rule ID in one place: NC1xxx for amounts, NC2xxx for request hashes and their secrets.</summary>
public static class RuleIdentifiers
{
    public const string AmountTextNotInvariant = "NC1001";
    public const string FloatingPointAmount = "NC1002";
    public const string AmountLiteralNotTwoDecimals = "NC1003";

    public const string RequestHashRecipe = "NC2001";
    public const string RequestHashBooleanText = "NC2002";
    public const string RequestHashAmountCulture = "NC2003";
    public const string RequestHashNotLowerHex = "NC2004";
    public const string RequestHashValueMismatch = "NC2005";
    public const string SecretLiteral = "NC2006";

    /// <summary>Rule pages live beside the code; the link is relative to the repository root so forks and mirrors keep working.</summary>
    public const string HelpLinkBase = "docs/analyzers/";

    public static string GetHelpUri(string identifier) => HelpLinkBase + identifier + ".md";
}
