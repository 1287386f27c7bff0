using Microsoft.CodeAnalysis;

namespace NordeaConnect.Analyzers;

internal static class RuleDescriptors
{
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
