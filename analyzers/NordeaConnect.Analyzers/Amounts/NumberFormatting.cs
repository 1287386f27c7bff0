using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>
/// Recognises a decimal, double or float being turned into text, and whether that text is the invariant
/// two-decimal form the API requires (<c>x.ToString("0.00", CultureInfo.InvariantCulture)</c>).
/// </summary>
internal static class NumberFormatting
{
    /// <summary>Formats that always give exactly two decimals and no group separators.</summary>
    public static bool IsTwoDecimalFormat(string? format) => format is "0.00" or "F2" or "f2" or "#0.00";

    /// <summary>
    /// False only for a provider that is provably culture-dependent: the current culture, a named culture, or null.
    /// The invariant culture, <c>NumberFormatInfo.InvariantInfo</c>, and providers of the caller's own (a wrapper that
    /// hands out the invariant culture) pass; a provider whose origin cannot be followed passes too, since guessing
    /// would break builds on correct code.
    /// </summary>
    public static bool IsInvariantProvider(IOperation provider, KnownTypes types) => !IsCultureDependentProvider(provider, types, 0);

    private static bool IsCultureDependentProvider(IOperation provider, KnownTypes types, int depth)
    {
        provider = provider.WithoutConversions();
        switch (provider)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                return true;

            case IPropertyReferenceOperation property:
                var name = property.Property.Name;
                if (name is "CurrentCulture" or "CurrentUICulture" or "InstalledUICulture" or "CurrentInfo" or "DefaultThreadCurrentCulture")
                {
                    return true;
                }

                return name == "NumberFormat" && property.Instance is { } culture && IsCultureDependentProvider(culture, types, depth + 1);

            case IObjectCreationOperation creation when KnownTypes.Is(creation.Type, types.CultureInfo):
                return NamesACulture(creation.Arguments.Length > 0 ? creation.Arguments[0].Value : null);

            case IInvocationOperation { TargetMethod.Name: "GetCultureInfo" or "CreateSpecificCulture" } invocation when KnownTypes.Is(invocation.TargetMethod.ContainingType, types.CultureInfo):
                return NamesACulture(invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

            case ILocalReferenceOperation local when depth < 4 && Hashes.ValueFlow.SingleValue(local) is { } value:
                return IsCultureDependentProvider(value, types, depth + 1);

            default:
                return false;
        }
    }

    /// <summary>
    /// True when the text <paramref name="conversion"/> produces comes from an invariant provider: a ToString or
    /// Convert.ToString with one, a hole of FormattableString.Invariant or string.Create(invariant, ...), an item of
    /// string.Format(invariant, ...). Then only the format can be wrong (decimals), not the culture.
    /// </summary>
    public static bool HasInvariantProvider(IOperation conversion, KnownTypes types)
    {
        if (conversion is IInvocationOperation { TargetMethod.Name: "ToString" } toString)
        {
            foreach (var argument in toString.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "provider")
                {
                    return IsInvariantProvider(argument.Value, types);
                }
            }

            return false;
        }

        for (var current = conversion.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConversionOperation or IInterpolationOperation or IInterpolatedStringOperation or IInterpolatedStringHandlerCreationOperation
                    or IInterpolatedStringAppendOperation or IArrayInitializerOperation or IArrayCreationOperation or IArgumentOperation or ICollectionExpressionOperation:
                    continue;

                case IInvocationOperation { TargetMethod.Name: "AppendFormatted" }:
                    continue;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.Name == "Invariant" && KnownTypes.Is(method.ContainingType, types.FormattableString))
                    {
                        return true;
                    }

                    if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Create" or "Format")
                    {
                        var first = invocation.Arguments.GetArgument(0)?.Value;
                        return first is not null && first.WithoutConversions().Type?.SpecialType != SpecialType.System_String && IsInvariantProvider(first, types);
                    }

                    return false;

                default:
                    return false;
            }
        }

        return false;
    }

    private static bool NamesACulture(IOperation? name) => name is not null && name.TryGetConstantString(out var text) && text.Length > 0;

    /// <summary>
    /// The places in <paramref name="operation"/> where a number with decimals becomes text without the invariant
    /// two-decimal format. Returns nothing when <paramref name="operation"/> is no such conversion.
    /// </summary>
    public static IEnumerable<IOperation> FindCultureSensitiveConversions(IOperation operation, KnownTypes types)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return FromInvocation(invocation, types);

            case IInterpolationOperation hole when KnownTypes.IsNumberWithDecimals(hole.Expression.WithoutConversions().Type):
                return IsInvariantTwoDecimalHole(hole, types) ? Empty : new[] { hole.Expression.WithoutConversions() };

            // $"{x}" handed to a handler (string.Create(provider, $"..."), StringBuilder.Append($"...")): AppendFormatted(x, format).
            case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: >= 1 } append } handlerHole
                when handlerHole.Kind == OperationKind.InterpolatedStringAppendFormatted
                && KnownTypes.IsNumberWithDecimals(append.Arguments[0].Value.WithoutConversions().Type):
                var value = append.Arguments[0].Value.WithoutConversions();
                var formatArgument = append.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format" && a.ArgumentKind == ArgumentKind.Explicit);
                var hasAlignment = append.Arguments.Any(a => a.Parameter?.Name == "alignment" && a.ArgumentKind == ArgumentKind.Explicit);
                var twoDecimals = !hasAlignment && formatArgument is not null && formatArgument.Value.TryGetConstantString(out var handlerFormat) && IsTwoDecimalFormat(handlerFormat);
                return twoDecimals && HasInvariantProvider(value, types) ? Empty : new[] { value };

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return NumberOperands(new[] { concatenation.LeftOperand, concatenation.RightOperand });

            default:
                return Empty;
        }
    }

    private static readonly IOperation[] Empty = new IOperation[0];

    private static IEnumerable<IOperation> FromInvocation(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } receiver && KnownTypes.IsNumberWithDecimals(receiver.Type))
        {
            return IsInvariantTwoDecimalToString(invocation, types) ? Empty : new IOperation[] { invocation };
        }

        if (method.Name == "ToString" && method.IsStatic && KnownTypes.Is(method.ContainingType, types.Convert)
            && method.Parameters.Length >= 1 && KnownTypes.IsNumberWithDecimals(method.Parameters[0].Type))
        {
            return new IOperation[] { invocation };
        }

        // StringBuilder.Append(decimal) renders the number in the current culture.
        if (method.Name == "Append" && KnownTypes.Is(method.ContainingType, types.StringBuilder)
            && method.Parameters.Length == 1 && KnownTypes.IsNumberWithDecimals(method.Parameters[0].Type)
            && invocation.Arguments.Length == 1 && !invocation.Arguments[0].Value.WithoutConversions().ConstantValue.HasValue)
        {
            return new[] { invocation.Arguments[0].Value.WithoutConversions() };
        }

        if (method.ContainingType?.SpecialType != SpecialType.System_String || !method.IsStatic)
        {
            return Empty;
        }

        if (method.Name == "Concat")
        {
            return NumberOperands(ExpandArguments(invocation));
        }

        if (method.Name == "Format")
        {
            return FromStringFormat(invocation, types);
        }

        return Empty;
    }

    private static IEnumerable<IOperation> FromStringFormat(IInvocationOperation invocation, KnownTypes types)
    {
        var values = ExpandArguments(invocation);
        if (values.Count == 0)
        {
            return Empty;
        }

        var first = values[0];
        var hasProvider = first.WithoutConversions().Type?.SpecialType != SpecialType.System_String;
        var formatIndex = hasProvider ? 1 : 0;
        if (values.Count <= formatIndex)
        {
            return Empty;
        }

        var invariant = hasProvider && IsInvariantProvider(first, types);
        values[formatIndex].TryGetConstantString(out var format);
        var itemFormats = CompositeFormat.ReadItemFormats(format);

        var found = new List<IOperation>();
        for (var i = formatIndex + 1; i < values.Count; i++)
        {
            var value = values[i].WithoutConversions();
            if (!KnownTypes.IsNumberWithDecimals(value.Type))
            {
                continue;
            }

            itemFormats.TryGetValue(i - formatIndex - 1, out var itemFormat);
            if (!invariant || !IsTwoDecimalFormat(itemFormat))
            {
                found.Add(value);
            }
        }

        return found;
    }

    /// <summary>The values of a call's arguments in order, with a <c>params</c> array spread out.</summary>
    public static List<IOperation> ExpandArguments(IInvocationOperation invocation)
    {
        var values = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues);
            }
            else if (argument.Value is ICollectionExpressionOperation { IsImplicit: true } collection)
            {
                // params ReadOnlySpan<T> (string.Concat with many arguments on .NET 9+) arrives as an implicit collection expression.
                values.AddRange(collection.Elements);
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                values.Add(argument.Value);
            }
        }

        return values;
    }

    private static IEnumerable<IOperation> NumberOperands(IEnumerable<IOperation> operands)
    {
        var found = new List<IOperation>();
        foreach (var operand in operands)
        {
            var value = operand.WithoutConversions();
            if (KnownTypes.IsNumberWithDecimals(value.Type) && !value.ConstantValue.HasValue)
            {
                found.Add(value);
            }
        }

        return found;
    }

    private static bool IsInvariantTwoDecimalToString(IInvocationOperation invocation, KnownTypes types)
    {
        if (invocation.Arguments.Length != 2)
        {
            return false;
        }

        var format = invocation.Arguments.GetArgument(0);
        var provider = invocation.Arguments.GetArgument(1);
        return format is not null && provider is not null
            && format.Value.TryGetConstantString(out var text) && IsTwoDecimalFormat(text)
            && IsInvariantProvider(provider.Value, types);
    }

    /// <summary><c>FormattableString.Invariant($"{x:0.00}")</c> and <c>string.Create(CultureInfo.InvariantCulture, $"{x:F2}")</c> are fine.</summary>
    private static bool IsInvariantTwoDecimalHole(IInterpolationOperation hole, KnownTypes types)
    {
        if (hole.Alignment is not null || hole.FormatString is null || !hole.FormatString.TryGetConstantString(out var format) || !IsTwoDecimalFormat(format))
        {
            return false;
        }

        IOperation? current = hole.Parent;
        while (current is IInterpolatedStringOperation or IInterpolatedStringHandlerCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return false;
        }

        var method = invocation.TargetMethod;
        if (method.Name == "Invariant" && KnownTypes.Is(method.ContainingType, types.FormattableString))
        {
            return true;
        }

        return method.Name == "Create"
            && method.ContainingType?.SpecialType == SpecialType.System_String
            && invocation.Arguments.GetArgument(0) is { } provider
            && IsInvariantProvider(provider.Value, types);
    }
}
