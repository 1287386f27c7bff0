namespace NordeaConnect.Analyzers;

/// <summary>Every rule ID in one place: NC1xxx for amounts, NC2xxx for request hashes and their secrets.</summary>
public static class RuleIdentifiers
{
    public const string AmountTextNotInvariant = "NC1001";
    public const string FloatingPointAmount = "NC1002";
    public const string AmountLiteralNotTwoDecimals = "NC1003";
    public const string AmountTextDecimals = "NC1004";

    public const string RequestHashRecipe = "NC2001";
    public const string RequestHashBooleanText = "NC2002";
    public const string RequestHashAmountCulture = "NC2003";
    public const string RequestHashNotLowerHex = "NC2004";
    public const string RequestHashValueMismatch = "NC2005";
    public const string SecretLiteral = "NC2006";
    public const string RequestHashAmountDecimals = "NC2007";

    /// <summary>
    /// Rule pages live beside the code (docs/analyzers/&lt;ID&gt;.md); IDEs open help links only when they are absolute,
    /// so the link points at the repository's main branch.
    /// </summary>
    public const string HelpLinkBase = "https://github.com/nordeaconnect/NordeaConnect.Grains/blob/main/docs/analyzers/";

    public static string GetHelpUri(string identifier) => HelpLinkBase + identifier + ".md";
}
