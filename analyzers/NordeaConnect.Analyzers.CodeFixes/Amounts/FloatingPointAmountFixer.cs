using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace NordeaConnect.Analyzers.Amounts;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class FloatingPointAmountFixer : CodeFixProvider
{
    private const string Title = "Declare the amount as decimal";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.FloatingPointAmount);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(FloatingPointAmountAnalyzer.DeclarationProperty))
            {
                continue;
            }

            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            if (declaration is not null && TryGetTypeAndValue(declaration, out _, out _))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan.Start, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var declaration = editor.OriginalRoot.FindToken(position).Parent;
        if (declaration is null || !TryGetTypeAndValue(declaration, out var type, out var value))
        {
            return document;
        }

        TypeSyntax decimalType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword));
        if (type is NullableTypeSyntax)
        {
            decimalType = SyntaxFactory.NullableType(decimalType);
        }

        editor.ReplaceNode(type, decimalType.WithTriviaFrom(type));
        if (value is not null)
        {
            editor.ReplaceNode(value, ToDecimal(value, editor.SemanticModel));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The declared type, and the initial or default value that has to become decimal with it.</summary>
    private static bool TryGetTypeAndValue(SyntaxNode declaration, out TypeSyntax type, out ExpressionSyntax? value)
    {
        type = null!;
        value = null;
        switch (declaration)
        {
            case ParameterSyntax { Type: { } parameterType } parameter:
                type = parameterType;
                value = parameter.Default?.Value;
                return true;

            case PropertyDeclarationSyntax property:
                type = property.Type;
                value = property.Initializer?.Value;
                return true;

            // One declarator per declaration, so the new type cannot change a neighbour that is not money.
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } variables } declarator
                when !variables.Type.IsVar:
                type = variables.Type;
                value = declarator.Initializer?.Value;
                return true;

            default:
                return false;
        }
    }

    private static ExpressionSyntax ToDecimal(ExpressionSyntax value, SemanticModel semanticModel)
    {
        if (value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal)
        {
            var digits = literal.Token.Text.TrimEnd('d', 'D', 'f', 'F', 'm', 'M');
            return SyntaxFactory.LiteralExpression(
                SyntaxKind.NumericLiteralExpression,
                SyntaxFactory.Literal(digits + "m", decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture))).WithTriviaFrom(value);
        }

        var type = semanticModel.GetTypeInfo(value).Type;
        if (type is null || type.SpecialType is SpecialType.System_Decimal or SpecialType.System_Int32 or SpecialType.System_Int64)
        {
            return value;
        }

        return SyntaxFactory.CastExpression(
            SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword)),
            SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia())).WithTriviaFrom(value);
    }
}
