using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// Builds the arguments of <c>RequestHash.Compute(merchantId, paymentRef, customerRef, amount, currency, test, secret)</c>
/// from the pieces of a hand-built hash, converting each to the parameter's type (<c>PaymentRef.Parse</c>,
/// <c>Amount.FromDecimal</c>, <c>CurrencyCode.Parse</c>, ...). Fields the hash left out come from what the request sends;
/// the optional ones fall back to what the API assumes when they are not sent (no customer_ref, test = false).
/// </summary>
internal static class RequestHashArguments
{
    public static bool TryBuild(RequestHashComputation hash, KnownTypes types, out ArgumentListSyntax arguments)
    {
        arguments = null!;
        var byRole = new Dictionary<HashRole, IOperation>();
        foreach (var part in hash.Parts.Where(p => p.Role != HashRole.Unknown))
        {
            if (byRole.ContainsKey(part.Role))
            {
                // The same field twice: which one was meant is a question for the developer.
                return false;
            }

            byRole[part.Role] = part.Operation;
        }

        var sent = SentRequestValues.Collect(hash.Md5Call.GetRoot(), types);
        var list = new List<ArgumentSyntax>();
        foreach (var role in HashRoles.Recipe)
        {
            if (!byRole.TryGetValue(role, out var value) && !sent.TryGet(role, out value))
            {
                var fallback = role switch
                {
                    HashRole.CustomerRef => SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression),
                    HashRole.Test => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
                    _ => null,
                };
                if (fallback is null)
                {
                    return false;
                }

                list.Add(SyntaxFactory.Argument(fallback));
                continue;
            }

            var expression = Convert(role, HashRoles.StripRendering(value, types), types);
            if (expression is null)
            {
                return false;
            }

            list.Add(SyntaxFactory.Argument(expression));
        }

        arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(list));
        return true;
    }

    private static ExpressionSyntax? Convert(HashRole role, IOperation core, KnownTypes types)
    {
        var value = AsExpression(core);
        if (value is null)
        {
            return null;
        }

        var type = core.Type;
        var isText = type?.SpecialType == SpecialType.System_String;
        switch (role)
        {
            case HashRole.MerchantId:
            case HashRole.CustomerRef:
            case HashRole.Secret:
                return isText ? value : AsInvariantText(value, type);

            case HashRole.PaymentRef:
                return KnownTypes.Is(type, types.PaymentRef) ? value : Call("PaymentRef", "Parse", isText ? value : AsInvariantText(value, type));

            case HashRole.Currency:
                return KnownTypes.Is(type, types.CurrencyCode) ? value : Call("CurrencyCode", "Parse", isText ? value : AsInvariantText(value, type));

            case HashRole.Amount:
                if (KnownTypes.Is(type, types.Amount))
                {
                    return value;
                }

                if (type?.SpecialType == SpecialType.System_Decimal)
                {
                    return Call("Amount", "FromDecimal", value);
                }

                if (type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
                {
                    return Call("Amount", "FromDecimal", SyntaxFactory.CastExpression(
                        SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword)), SyntaxFactory.ParenthesizedExpression(value)));
                }

                return isText ? Call("Amount", "Parse", value) : null;

            case HashRole.Test:
                if (type?.SpecialType == SpecialType.System_Boolean)
                {
                    return value;
                }

                if (core.TryGetConstantString(out var flag) && (flag == "true" || flag == "false"))
                {
                    return SyntaxFactory.LiteralExpression(flag == "true" ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                }

                return isText
                    ? SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.BoolKeyword)), SyntaxFactory.IdentifierName("Parse")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))))
                    : null;

            default:
                return null;
        }
    }

    /// <summary>The piece as a standalone expression: a literal for constant text (also a piece of an interpolated string), else a copy of its syntax.</summary>
    private static ExpressionSyntax? AsExpression(IOperation core)
    {
        if (core.TryGetConstantString(out var text))
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
        }

        return core.Syntax is ExpressionSyntax expression ? Parenthesize(expression.WithoutTrivia()) : null;
    }

    private static ExpressionSyntax AsInvariantText(ExpressionSyntax value, ITypeSymbol? type)
    {
        var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, value, SyntaxFactory.IdentifierName("ToString"));
        var formattable = type?.AllInterfaces.Any(i => i.ToDisplayString() == "System.IFormattable") == true;
        return SyntaxFactory.InvocationExpression(
            access,
            formattable
                ? SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Amounts.InvariantAmountRewrite.InvariantCulture())))
                : SyntaxFactory.ArgumentList());
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        Amounts.InvariantAmountRewrite.NeedsParentheses(expression) ? SyntaxFactory.ParenthesizedExpression(expression) : expression;

    private static ExpressionSyntax Call(string type, string method, ExpressionSyntax argument) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, PrimitivesType(type), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

    public static ExpressionSyntax PrimitivesType(string type) =>
        SyntaxFactory.ParseExpression("global::NordeaConnect.Primitives." + type).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
