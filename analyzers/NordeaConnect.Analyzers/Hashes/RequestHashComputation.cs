using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// A hand-built Nordea Connect request hash: an MD5 over text glued from fields that the recipe names.
/// An MD5 of anything else (a file, an ETag) is not one, so recognition needs several recipe fields.
/// </summary>
internal sealed class RequestHashComputation
{
    private RequestHashComputation(IInvocationOperation md5Call, IOperation input, ImmutableArray<HashPart> parts, HashRendering rendering, SentRequestValues sent)
    {
        Sent = sent;
        Md5Call = md5Call;
        Input = input;
        Parts = parts;
        Rendering = rendering;
    }

    public IInvocationOperation Md5Call { get; }

    /// <summary>The string the MD5 is computed over.</summary>
    public IOperation Input { get; }

    public ImmutableArray<HashPart> Parts { get; }

    public HashRendering Rendering { get; }

    /// <summary>What the same member sends in the request.</summary>
    public SentRequestValues Sent { get; }

    /// <summary>Where diagnostics about the whole hash go: the hash text expression when it is one, else the MD5 call.</summary>
    public IOperation ReportedOperation => Rendering.HashText ?? Md5Call;

    public static bool TryRead(IInvocationOperation invocation, KnownTypes types, out RequestHashComputation computation)
    {
        computation = null!;
        if (!Md5Calls.TryGetHashedText(invocation, types, out var text, out var returnsText) || text is null)
        {
            return false;
        }

        if (IsResponseHash(invocation))
        {
            return false;
        }

        var sent = SentRequestValues.Collect(invocation.GetRoot(), types);
        var parts = HashInputReader.ReadPieces(text, types, sent)
            .Select(piece => new HashPart(piece, HashRoles.Classify(piece, types, sent)))
            .ToImmutableArray();

        parts = AssignByPosition(parts, sent);
        var roles = new HashSet<HashRole>(parts.Select(p => p.Role).Where(r => r != HashRole.Unknown));
        var isRequestHash = roles.Count >= 3 || (roles.Contains(HashRole.Secret) && roles.Count >= 2);
        if (!isRequestHash)
        {
            return false;
        }

        computation = new RequestHashComputation(invocation, text, parts, HashRendering.Read(invocation, returnsText, types), sent);
        return true;
    }

    /// <summary>
    /// When the pieces are as many as the recipe's fields and every piece whose field is known sits at that field's
    /// place, the others are the fields of their places: <c>merchantId + orderNumber + amount + ...</c> hashes
    /// orderNumber as the payment_ref, whatever it is called. Anything less regular is left unknown.
    /// </summary>
    private static ImmutableArray<HashPart> AssignByPosition(ImmutableArray<HashPart> parts, SentRequestValues sent)
    {
        var recipe = parts.Length == HashRoles.Recipe.Length
            ? HashRoles.Recipe
            : parts.Length == HashRoles.Recipe.Length - 1 && sent.SendsWithoutCustomerRef
                ? HashRoles.Recipe.Where(r => r != HashRole.CustomerRef).ToArray()
                : null;
        if (recipe is null || parts.All(p => p.Role != HashRole.Unknown))
        {
            return parts;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var unknownLiteral = parts[i].Role == HashRole.Unknown && parts[i].Operation.WithoutConversions().ConstantValue.HasValue;
            if (unknownLiteral || (parts[i].Role != HashRole.Unknown && parts[i].Role != recipe[i]))
            {
                return parts;
            }
        }

        return parts.Select((p, i) => p.Role == HashRole.Unknown ? new HashPart(p.Operation, recipe[i], byPosition: true) : p).ToImmutableArray();
    }

    /// <summary>
    /// The API also has a <c>response_hash</c>, whose recipe is not the request's; code that names itself after the
    /// response (<c>ResponseHash.Of</c>, <c>VerifyResponse</c>) is computing that one.
    /// </summary>
    private static bool IsResponseHash(IOperation operation)
    {
        var semanticModel = operation.SemanticModel;
        var member = semanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        for (var symbol = member; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (Naming.IdentifierWords.Split(symbol.Name).Contains("response"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds a request hash computed inside <paramref name="operation"/> (used by the fixes to re-read what the analyzer saw).</summary>
    public static bool TryFind(IOperation operation, KnownTypes types, out RequestHashComputation computation)
    {
        foreach (var candidate in operation.DescendantsAndSelf())
        {
            if (candidate is IInvocationOperation invocation && TryRead(invocation, types, out computation))
            {
                return true;
            }
        }

        computation = null!;
        return false;
    }
}
