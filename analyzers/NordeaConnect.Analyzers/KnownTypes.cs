using System.Linq;
using Microsoft.CodeAnalysis;

namespace NordeaConnect.Analyzers;

/// <summary>Types the rules recognise, resolved once per compilation; any of them may be absent from a given compilation.</summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        Amount = compilation.GetTypeByMetadataName("NordeaConnect.Primitives.Amount");
        CurrencyCode = compilation.GetTypeByMetadataName("NordeaConnect.Primitives.CurrencyCode");
        PaymentRef = compilation.GetTypeByMetadataName("NordeaConnect.Primitives.PaymentRef");
        RequestHash = compilation.GetTypeByMetadataName("NordeaConnect.Primitives.RequestHash");
        ProtobufMessage = compilation.GetTypeByMetadataName("Google.Protobuf.IMessage");
        CultureInfo = compilation.GetTypeByMetadataName("System.Globalization.CultureInfo");
        NumberFormatInfo = compilation.GetTypeByMetadataName("System.Globalization.NumberFormatInfo");
        Convert = compilation.GetTypeByMetadataName("System.Convert");
        BitConverter = compilation.GetTypeByMetadataName("System.BitConverter");
        FormattableString = compilation.GetTypeByMetadataName("System.FormattableString");
        KeyValuePairOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
        KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair");
        Md5 = compilation.GetTypeByMetadataName("System.Security.Cryptography.MD5");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
    }

    public INamedTypeSymbol? Amount { get; }

    public INamedTypeSymbol? CurrencyCode { get; }

    public INamedTypeSymbol? PaymentRef { get; }

    public INamedTypeSymbol? RequestHash { get; }

    public INamedTypeSymbol? ProtobufMessage { get; }

    public INamedTypeSymbol? CultureInfo { get; }

    public INamedTypeSymbol? NumberFormatInfo { get; }

    public INamedTypeSymbol? Convert { get; }

    public INamedTypeSymbol? BitConverter { get; }

    public INamedTypeSymbol? FormattableString { get; }

    public INamedTypeSymbol? KeyValuePairOfT { get; }

    public INamedTypeSymbol? KeyValuePair { get; }

    public INamedTypeSymbol? Md5 { get; }

    public INamedTypeSymbol? Encoding { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _md5Helpers = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// A method of this compilation, whatever its name (<c>Sign</c>, <c>Checksum</c>), that takes text, returns text and
    /// computes an MD5 in its body: calling it with the recipe's text computes the request hash. Read once per method.
    /// </summary>
    public bool IsSourceMd5Helper(IMethodSymbol method)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_String || method.DeclaringSyntaxReferences.Length == 0
            || !method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String))
        {
            return false;
        }

        return _md5Helpers.GetOrAdd(method, m => m.DeclaringSyntaxReferences.Any(r => r.GetSyntax().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>()
            .Any(n => n.Identifier.ValueText == "MD5")));
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>decimal, double or float, or a nullable one: the numbers that render differently per culture.</summary>
    public static bool IsNumberWithDecimals(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single;
    }

    public static bool IsFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }
}
