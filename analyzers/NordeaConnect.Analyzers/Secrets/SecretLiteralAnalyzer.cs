using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Naming;

namespace NordeaConnect.Analyzers.Secrets;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.SecretLiteral,
        title: "Secrets must not be written in source",
        messageFormat: "A string literal is stored in {0}; read the hash secret or API password from configuration instead",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "Whoever holds the hash secret can sign any payment request for the merchant, and whoever holds the API password can refund. A literal in source ends up in every clone, build log and package.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.Literal);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (!literal.TryGetConstantString(out var text) || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var target = GetTargetName(literal, types);
        if (target is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(s_rule, literal.Syntax.GetLocation(), target));
        }
    }

    private static string? GetTargetName(IOperation literal, KnownTypes types)
    {
        var parent = literal.ParentSkippingConversions(out var child);
        string? name;
        string kind;
        switch (parent)
        {
            case IArgumentOperation { Parameter: { } parameter } argument:
                if (argument.Parent is IInvocationOperation invocation && KnownTypes.Is(invocation.TargetMethod.ContainingType, types.RequestHash))
                {
                    return parameter.Name == "secret" ? "the secret argument of RequestHash." + invocation.TargetMethod.Name : null;
                }

                // Only our own APIs by parameter name: a BCL "password" parameter is rarely a payment secret.
                if (argument.Parent is IInvocationOperation or IObjectCreationOperation && IsSecretName(parameter.Name) && IsOwnApi(parameter))
                {
                    name = parameter.Name;
                    kind = "parameter";
                    break;
                }

                return null;

            case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, child):
                name = assignment.Target.GetReferencedName();
                kind = assignment.Target is ILocalReferenceOperation ? "variable" : "member";
                if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true })
                {
                    kind = "entry";
                }

                break;

            case ITupleOperation tuple:
                // ("m-1", "s3cret") stored as (string MerchantId, string Secret): the element's name says what it is.
                var index = -1;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    if (ReferenceEquals(tuple.Elements[i], child) || ReferenceEquals(tuple.Elements[i].WithoutConversions(), literal))
                    {
                        index = i;
                    }
                }

                var tupleType = (tuple.Parent as IConversionOperation)?.Type as INamedTypeSymbol ?? tuple.Type as INamedTypeSymbol;
                if (index < 0 || tupleType is not { IsTupleType: true } || index >= tupleType.TupleElements.Length)
                {
                    return null;
                }

                name = tupleType.TupleElements[index].Name;
                kind = "tuple element";
                break;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                name = declarator.Symbol.Name;
                kind = "variable";
                break;

            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                name = property.InitializedProperties[0].Name;
                kind = "property";
                break;

            case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                name = field.InitializedFields[0].Name;
                kind = "field";
                break;

            default:
                return null;
        }

        return name is not null && IsSecretName(name) ? kind + " '" + name + "'" : null;
    }

    /// <summary><c>secret</c>, <c>hashSecret</c>, <c>HashSecret</c>, <c>api_password</c>, <c>Password</c>; not <c>passwordLength</c> or <c>SecretName</c>.</summary>
    internal static bool IsSecretName(string name)
    {
        if (name.IndexOf("secret", System.StringComparison.OrdinalIgnoreCase) < 0
            && name.IndexOf("passw", System.StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        return last is "secret" or "password" or "passwd";
    }

    private static bool IsOwnApi(IParameterSymbol parameter)
    {
        var ns = parameter.ContainingSymbol?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return !ns.StartsWith("System", System.StringComparison.Ordinal) && !ns.StartsWith("Microsoft", System.StringComparison.Ordinal);
    }
}
