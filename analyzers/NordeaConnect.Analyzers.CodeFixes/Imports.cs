using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace NordeaConnect.Analyzers;

/// <summary>
/// Fixes write fully qualified names (<c>global::System.Globalization.CultureInfo</c>) marked for import; this turns
/// them into a <c>using</c> directive and the short name, the way a developer would write it.
/// </summary>
internal static class Imports
{
    public static async Task<Document> AddAndSimplifyAsync(Document document, CancellationToken cancellationToken)
    {
        var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(withImports, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
