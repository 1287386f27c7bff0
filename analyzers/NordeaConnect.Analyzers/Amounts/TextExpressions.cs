using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>Walks from a piece of text to the whole expression it is part of: through concatenation, interpolation, string.Concat/Format, ?: and ??.</summary>
internal static class TextExpressions
{
    public static IOperation GetWholeText(IOperation part)
    {
        var current = part;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation { IsImplicit: true }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                case IInterpolationOperation:
                case IInterpolatedStringOperation:
                case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                case ICoalesceOperation:
                    current = parent;
                    continue;

                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                    current = parent;
                    continue;

                // $"{x}" through an interpolated string handler: AppendFormatted(x) inside the handler's creation.
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AppendFormatted", Parent: IInterpolatedStringAppendOperation append } }:
                    current = append;
                    continue;

                case IInterpolatedStringAppendOperation:
                case IInterpolatedStringHandlerCreationOperation:
                    current = parent;
                    continue;

                case IArgumentOperation { Parent: IInvocationOperation invocation } when IsTextCombinator(invocation.TargetMethod):
                    current = invocation;
                    continue;

                // "amount.ToString().Replace(',', '.')" is still the same (wrong) amount text.
                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current)
                    && invocation.Type?.SpecialType == SpecialType.System_String
                    && invocation.Instance.Type?.SpecialType == SpecialType.System_String:
                    current = parent;
                    continue;

                default:
                    return current;
            }
        }
    }

    private static bool IsTextCombinator(IMethodSymbol method) =>
        method.IsStatic
        && ((method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Concat" or "Format" or "Join" or "Create")
            || (method.Name == "Invariant" && method.ContainingType?.ToDisplayString() == "System.FormattableString"));
}
