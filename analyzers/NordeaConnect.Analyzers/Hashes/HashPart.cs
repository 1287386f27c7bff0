using Microsoft.CodeAnalysis;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>One piece of the text a hand-built hash is computed over, and the recipe field it stands for.</summary>
internal sealed class HashPart
{
    public HashPart(IOperation operation, HashRole role)
    {
        Operation = operation;
        Role = role;
    }

    /// <summary>The expression (or interpolation text) as written.</summary>
    public IOperation Operation { get; }

    public HashRole Role { get; }

    public string Display => Operation.Syntax.ToString();
}
