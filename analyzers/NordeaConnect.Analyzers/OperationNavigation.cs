using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers;

/// <summary>Small moves around the IOperation tree that every rule needs.</summary>
internal static class OperationNavigation
{
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The parent, looking through implicit conversions and parentheses the compiler inserted around this value.</summary>
    public static IOperation? ParentSkippingConversions(this IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    public static bool TryGetConstantString(this IOperation operation, out string value)
    {
        var constant = operation.WithoutConversions().ConstantValue;
        if (constant.HasValue && constant.Value is string text)
        {
            value = text;
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static IOperation GetRoot(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    public static IEnumerable<IOperation> DescendantsAndSelf(this IOperation operation)
    {
        var stack = new Stack<IOperation>();
        stack.Push(operation);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;

            // Push in reverse so that descendants come out in source order (the reversed view allocates nothing).
            foreach (var child in current.ChildOperations.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/>, whatever order the call site wrote them in.</summary>
    public static IArgumentOperation? GetArgument(this IEnumerable<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The name a value is known by: a local, parameter, field or property, a called method, or a constant indexer key.</summary>
    public static string? GetReferencedName(this IOperation operation)
    {
        return operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                when indexer.Arguments[0].Value.TryGetConstantString(out var key) => key,
            IPropertyReferenceOperation property => property.Property.Name,
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            _ => null,
        };
    }
}
