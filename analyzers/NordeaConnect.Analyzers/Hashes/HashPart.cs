using Microsoft.CodeAnalysis;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>One piece of the text a hand-built hash is computed over, and the recipe field it stands for.</summary>
internal sealed class HashPart
{
    public HashPart(IOperation operation, HashRole role, bool byPosition = false)
    {
        Operation = operation;
        Role = role;
        ByPosition = byPosition;
    }

    /// <summary>True when the field was inferred from the piece's place among pieces whose fields are known.</summary>
    public bool ByPosition { get; }

    /// <summary>The expression (or interpolation text) as written.</summary>
    public IOperation Operation { get; }

    public HashRole Role { get; }

    public string Display => Operation.Syntax.ToString();
}
