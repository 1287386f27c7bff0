using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloatingPointAmountAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set on diagnostics about a declaration, whose type the fix can change to decimal.</summary>
    internal const string DeclarationProperty = "Declaration";

    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.FloatingPointAmount,
        title: "Money must not be double or float",
        messageFormat: "{0} holds money as {1}; use decimal or Amount, binary floating point cannot hold 0.10 exactly",
        RuleCategories.Amounts,
        DiagnosticSeverity.Warning,
        description: "double and float are binary fractions: 0.1 + 0.2 is 0.30000000000000004, and 19.99 * 3 rounds differently from the cents the customer sees. Nordea Connect amounts are exact two-decimal values; decimal or Amount keep them exact.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterSymbolAction(AnalyzeMember, SymbolKind.Field, SymbolKind.Property, SymbolKind.Method);
            start.RegisterOperationAction(AnalyzeLocal, OperationKind.VariableDeclarator);
            start.RegisterOperationAction(operation => AnalyzeConversion(operation, types), OperationKind.Conversion);
            start.RegisterOperationAction(operation => AnalyzeAmountText(operation, types), OperationKind.Invocation);
        });
    }

    private static void AnalyzeMember(SymbolAnalysisContext context)
    {
        switch (context.Symbol)
        {
            case IFieldSymbol field when !field.IsImplicitlyDeclared:
                ReportDeclaration(context, field, field.Type, "Field");
                break;

            case IPropertySymbol property when !property.IsOverride && !IsPositionalRecordProperty(property):
                ReportDeclaration(context, property, property.Type, "Property");
                break;

            case IMethodSymbol method when !method.IsOverride && !method.IsImplicitlyDeclared && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction:
                foreach (var parameter in method.Parameters)
                {
                    ReportDeclaration(context, parameter, parameter.Type, "Parameter");
                }

                break;
        }
    }

    private static void ReportDeclaration(SymbolAnalysisContext context, ISymbol symbol, ITypeSymbol type, string kind)
    {
        if (!KnownTypes.IsFloatingPoint(type) || !AmountNames.IsAmountName(symbol.Name) || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(DeclarationProperty, "true");
        context.ReportDiagnostic(Diagnostic.Create(s_rule, symbol.Locations[0], properties, kind + " '" + symbol.Name + "'", type.ToDisplayString()));
    }

    private static void AnalyzeLocal(OperationAnalysisContext context)
    {
        var local = ((IVariableDeclaratorOperation)context.Operation).Symbol;
        if (KnownTypes.IsFloatingPoint(local.Type) && AmountNames.IsAmountName(local.Name))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DeclarationProperty, "true");
            context.ReportDiagnostic(Diagnostic.Create(s_rule, local.Locations[0], properties, "Variable '" + local.Name + "'", local.Type.ToDisplayString()));
        }
    }

    /// <summary><c>Amount.FromDecimal((decimal)price)</c>, <c>Refund((decimal)total)</c>: a double flowing into an amount.</summary>
    private static void AnalyzeConversion(OperationAnalysisContext context, KnownTypes types)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Type?.SpecialType != SpecialType.System_Decimal || !KnownTypes.IsFloatingPoint(conversion.Operand.Type))
        {
            return;
        }

        // A double named like money is already reported where it is declared.
        var name = conversion.Operand.GetReferencedName();
        if (name is not null && AmountNames.IsAmountName(name))
        {
            return;
        }

        if (AmountPositions.TryGet(conversion, SpecialType.System_Decimal, types, out var position))
        {
            context.ReportDiagnostic(Diagnostic.Create(s_rule, conversion.Operand.Syntax.GetLocation(), "'" + conversion.Operand.Syntax + "' flowing into " + position.Description, conversion.Operand.Type!.ToDisplayString()));
        }
    }

    /// <summary>
    /// <c>form["amount"] = total.ToString("0.00", CultureInfo.InvariantCulture)</c> where <c>total</c> was computed in
    /// double (<c>price * 1.25</c>, <c>Convert.ToDecimal(d)</c>, <c>(decimal)d</c>) through locals: the text is right,
    /// the number in it is not.
    /// </summary>
    private static void AnalyzeAmountText(OperationAnalysisContext context, KnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "ToString")
        {
            return;
        }

        var number = invocation.Instance is { } instance && KnownTypes.IsNumberWithDecimals(instance.Type) ? instance
            : invocation.Instance is null && KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Convert) && invocation.Arguments.Length >= 1
                && KnownTypes.IsNumberWithDecimals(invocation.Arguments[0].Value.WithoutConversions().Type) ? invocation.Arguments[0].Value
            : null;
        if (number is null)
        {
            return;
        }

        string where;
        if (AmountTextFlow.TryGetPosition(invocation, types, out var position))
        {
            where = position.Description;
        }
        else if (FormBody.TryGetKey(invocation, types, out var key) && AmountNames.IsFormAmountKey(key))
        {
            where = "form body field '" + key + "'";
        }
        else
        {
            return;
        }

        var floating = FindFloatingOrigin(number, 0);
        if (floating is null)
        {
            return;
        }

        // A double named like money is already reported where it is declared.
        var name = floating.GetReferencedName();
        if (name is not null && AmountNames.IsAmountName(name) && floating is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(s_rule, number.Syntax.GetLocation(), "'" + number.Syntax + "' (computed from '" + floating.Syntax + "') flowing into " + where, floating.Type!.ToDisplayString()));
    }

    /// <summary>The double or float a decimal was computed from, following locals, arithmetic, rounding and conversions.</summary>
    private static IOperation? FindFloatingOrigin(IOperation operation, int depth)
    {
        var value = operation.WithoutConversions();
        if (KnownTypes.IsFloatingPoint(value.Type))
        {
            return value;
        }

        if (depth > 4)
        {
            return null;
        }

        switch (value)
        {
            case IParenthesizedOperation parenthesized:
                return FindFloatingOrigin(parenthesized.Operand, depth + 1);

            case IBinaryOperation binary:
                return FindFloatingOrigin(binary.LeftOperand, depth + 1) ?? FindFloatingOrigin(binary.RightOperand, depth + 1);

            case IInvocationOperation { TargetMethod.Name: "ToDecimal" or "Round" or "Floor" or "Ceiling" or "Abs" } call when call.Arguments.Length >= 1:
                return FindFloatingOrigin(call.Arguments[0].Value, depth + 1);

            case ILocalReferenceOperation local when Hashes.ValueFlow.SingleValue(local) is { } initializer:
                return FindFloatingOrigin(initializer, depth + 1);

            default:
                return null;
        }
    }

    private static bool IsPositionalRecordProperty(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is ParameterSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
