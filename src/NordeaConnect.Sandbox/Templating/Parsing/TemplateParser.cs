using System.Globalization;
using NordeaConnect.Sandbox.Templating.Rendering;
using NordeaConnect.Sandbox.Templating.Syntax;

namespace NordeaConnect.Sandbox.Templating.Parsing;

/// <summary>Builds the syntax tree of a template from its segments, checking tags, filters and nesting as it goes.</summary>
internal sealed class TemplateParser(string source, LiquidLimits limits)
{
    private List<MarkupSegment> _segments = [];
    private int _position;
    private int _depth;
    private int _expressionDepth;

    public BlockNode ParseTemplate()
    {
        _segments = MarkupLexer.Split(source);
        var (block, _) = ParseBlock([], opener: null);
        return block;
    }

    private (BlockNode Block, MarkupSegment Terminator) ParseBlock(string[] terminators, MarkupSegment? opener)
    {
        var nodes = new List<TemplateNode>();
        while (_position < _segments.Count)
        {
            var segment = _segments[_position++];
            switch (segment.Kind)
            {
                case MarkupSegmentKind.Text:
                    nodes.Add(new TextNode(segment.Content));
                    break;
                case MarkupSegmentKind.Output:
                    nodes.Add(new OutputNode(ParseOutput(segment)));
                    break;
                default:
                    if (terminators.Contains(segment.TagName, StringComparer.Ordinal))
                    {
                        return (new BlockNode(nodes), segment);
                    }

                    nodes.Add(ParseTag(segment));
                    break;
            }
        }

        if (opener is { } open)
        {
            throw LiquidSyntaxException.At(source, open.Offset, "{% " + open.TagName + " %} is never closed with {% " + terminators[^1] + " %}.");
        }

        return (new BlockNode(nodes), default);
    }

    private TemplateNode ParseTag(MarkupSegment tag) => tag.TagName switch
    {
        "if" => ParseIf(tag, "endif", negateFirst: false),
        "unless" => ParseIf(tag, "endunless", negateFirst: true),
        "for" => ParseFor(tag),
        "assign" => ParseAssign(tag),
        "capture" => ParseCapture(tag),
        "else" or "elsif" or "endif" or "endunless" or "endfor" or "endcapture" or "endraw" or "endcomment" =>
            throw LiquidSyntaxException.At(source, tag.Offset, "{% " + tag.TagName + " %} has no matching opening tag."),
        _ => throw LiquidSyntaxException.At(
            source,
            tag.Offset,
            "Unknown tag '" + tag.TagName + "'; supported tags are if, elsif, else, unless, for, assign, capture, comment and raw."),
    };

    private IfNode ParseIf(MarkupSegment tag, string endName, bool negateFirst)
    {
        Enter(tag);
        var branches = new List<(Condition, BlockNode)>();
        BlockNode? otherwise = null;
        var condition = ParseCondition(tag);
        if (negateFirst)
        {
            condition = new NegatedCondition(condition);
        }

        var current = tag;
        while (true)
        {
            var (body, terminator) = ParseBlock(["elsif", "else", endName], current);
            branches.Add((condition, body));
            if (terminator.TagName == "elsif")
            {
                condition = ParseCondition(terminator);
                current = terminator;
                continue;
            }

            if (terminator.TagName == "else")
            {
                RequireNoArguments(terminator);
                (otherwise, var end) = ParseBlock([endName], terminator);
                RequireNoArguments(end);
            }
            else
            {
                RequireNoArguments(terminator);
            }

            break;
        }

        _depth--;
        return new IfNode(branches, otherwise);
    }

    private ForNode ParseFor(MarkupSegment tag)
    {
        Enter(tag);
        var tokens = Tokens(tag);
        var variable = tokens.Expect(ExpressionTokenKind.Identifier, "the loop variable name").Text;
        if (!tokens.TryTakeWord("in"))
        {
            throw tokens.Error(tokens.Peek, "Expected 'in' after the loop variable but found " + TokenStream.Describe(tokens.Peek) + ".");
        }

        var collection = ParseValue(tokens);
        Expression? limit = null;
        Expression? offset = null;
        var reversed = false;
        while (tokens.Peek.Kind != ExpressionTokenKind.End)
        {
            tokens.TryTake(ExpressionTokenKind.Comma);
            var word = tokens.Expect(ExpressionTokenKind.Identifier, "'limit:', 'offset:' or 'reversed'");
            switch (word.Text)
            {
                case "reversed":
                    reversed = true;
                    break;
                case "limit":
                    tokens.Expect(ExpressionTokenKind.Colon, "':' after limit");
                    limit = ParseValue(tokens);
                    break;
                case "offset":
                    tokens.Expect(ExpressionTokenKind.Colon, "':' after offset");
                    offset = ParseValue(tokens);
                    break;
                default:
                    throw tokens.Error(word, "Unknown for-loop option '" + word.Text + "'; use limit:, offset: or reversed.");
            }
        }

        var (body, terminator) = ParseBlock(["else", "endfor"], tag);
        BlockNode? otherwise = null;
        RequireNoArguments(terminator);
        if (terminator.TagName == "else")
        {
            (otherwise, var end) = ParseBlock(["endfor"], terminator);
            RequireNoArguments(end);
        }

        _depth--;
        return new ForNode(variable, collection, limit, offset, reversed, body, otherwise);
    }

    private AssignNode ParseAssign(MarkupSegment tag)
    {
        var tokens = Tokens(tag);
        var name = tokens.Expect(ExpressionTokenKind.Identifier, "a variable name").Text;
        tokens.Expect(ExpressionTokenKind.Assign, "'=' after the variable name");
        var value = ParseFiltered(tokens);
        tokens.ExpectEnd("assign");
        return new AssignNode(name, value);
    }

    private CaptureNode ParseCapture(MarkupSegment tag)
    {
        Enter(tag);
        var tokens = Tokens(tag);
        var name = tokens.Expect(ExpressionTokenKind.Identifier, "a variable name").Text;
        tokens.ExpectEnd("capture");
        var (body, end) = ParseBlock(["endcapture"], tag);
        RequireNoArguments(end);
        _depth--;
        return new CaptureNode(name, body);
    }

    private Expression ParseOutput(MarkupSegment output)
    {
        var tokens = new TokenStream(source, ExpressionLexer.Tokenize(source, output.Content, output.ContentOffset));
        if (tokens.Peek.Kind == ExpressionTokenKind.End)
        {
            throw LiquidSyntaxException.At(source, output.Offset, "The output {{ }} is empty.");
        }

        var expression = ParseFiltered(tokens);
        tokens.ExpectEnd("output");
        return expression;
    }

    private Condition ParseCondition(MarkupSegment tag)
    {
        var tokens = Tokens(tag);
        if (tokens.Peek.Kind == ExpressionTokenKind.End)
        {
            throw LiquidSyntaxException.At(source, tag.Offset, "{% " + tag.TagName + " %} needs a condition.");
        }

        var condition = ParseConditionChain(tokens);
        tokens.ExpectEnd(tag.TagName + " condition");
        return condition;
    }

    private Condition ParseConditionChain(TokenStream tokens)
    {
        var terms = new List<Condition> { ParseComparison(tokens) };
        var joinedByAnd = new List<bool>();
        while (true)
        {
            if (tokens.TryTakeWord("and"))
            {
                joinedByAnd.Add(true);
            }
            else if (tokens.TryTakeWord("or"))
            {
                joinedByAnd.Add(false);
            }
            else
            {
                return terms.Count == 1 ? terms[0] : new ConditionChain(terms, joinedByAnd);
            }

            terms.Add(ParseComparison(tokens));
        }
    }

    private Condition ParseComparison(TokenStream tokens)
    {
        var left = ParseValue(tokens);
        string? comparison = null;
        if (tokens.Peek.Kind == ExpressionTokenKind.Comparison)
        {
            comparison = tokens.Next().Text;
        }
        else if (tokens.TryTakeWord("contains"))
        {
            comparison = "contains";
        }

        return comparison is null ? new ComparisonCondition(left, null, null) : new ComparisonCondition(left, comparison, ParseValue(tokens));
    }

    private Expression ParseFiltered(TokenStream tokens)
    {
        var input = ParseValue(tokens);
        var filters = new List<FilterCall>();
        while (tokens.TryTake(ExpressionTokenKind.Pipe))
        {
            var name = tokens.Expect(ExpressionTokenKind.Identifier, "a filter name after '|'");
            if (!FilterTable.TryGet(name.Text, out var filter))
            {
                throw tokens.Error(name, "Unknown filter '" + name.Text + "'; supported filters are " + string.Join(", ", FilterTable.Names.Order(StringComparer.Ordinal)) + ".");
            }

            var arguments = new List<Expression>();
            if (tokens.TryTake(ExpressionTokenKind.Colon))
            {
                do
                {
                    arguments.Add(ParseValue(tokens));
                }
                while (tokens.TryTake(ExpressionTokenKind.Comma));
            }

            if (arguments.Count < filter.MinArguments || arguments.Count > filter.MaxArguments)
            {
                var expected = filter.MinArguments == filter.MaxArguments
                    ? filter.MinArguments.ToString(CultureInfo.InvariantCulture)
                    : filter.MinArguments.ToString(CultureInfo.InvariantCulture) + " to " + filter.MaxArguments.ToString(CultureInfo.InvariantCulture);
                throw tokens.Error(name, "The filter '" + name.Text + "' takes " + expected + " argument(s) but was given " + arguments.Count.ToString(CultureInfo.InvariantCulture) + ".");
            }

            filters.Add(new FilterCall(filter, arguments));
        }

        return filters.Count == 0 ? input : new FilteredExpression(input, filters);
    }

    private Expression ParseValue(TokenStream tokens)
    {
        // Indexes and ranges nest values in values; bounded so a hostile template cannot exhaust the stack.
        if (++_expressionDepth > limits.MaxNestingDepth)
        {
            throw tokens.Error(tokens.Peek, "Values are nested more than " + limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture) + " deep.");
        }

        try
        {
            return ParseValueAt(tokens);
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private Expression ParseValueAt(TokenStream tokens)
    {
        var token = tokens.Next();
        switch (token.Kind)
        {
            case ExpressionTokenKind.String:
                return new LiteralExpression(token.Text);
            case ExpressionTokenKind.Number:
                return new LiteralExpression(decimal.Parse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            case ExpressionTokenKind.OpenParenthesis:
                var from = ParseValue(tokens);
                tokens.Expect(ExpressionTokenKind.Range, "'..' in a range such as (1..5)");
                var to = ParseValue(tokens);
                tokens.Expect(ExpressionTokenKind.CloseParenthesis, "')' closing the range");
                return new RangeExpression(from, to);
            case ExpressionTokenKind.Identifier:
                return ParsePath(tokens, token);
            default:
                throw tokens.Error(token, "Expected a value but found " + TokenStream.Describe(token) + ".");
        }
    }

    private Expression ParsePath(TokenStream tokens, ExpressionToken first)
    {
        var continues = tokens.Peek.Kind is ExpressionTokenKind.Dot or ExpressionTokenKind.OpenBracket;
        if (!continues)
        {
            switch (first.Text)
            {
                case "true":
                    return new LiteralExpression(true);
                case "false":
                    return new LiteralExpression(false);
                case "nil" or "null":
                    return new LiteralExpression(null);
                case "empty":
                    return new LiteralExpression(LiquidEmpty.Empty);
                case "blank":
                    return new LiteralExpression(LiquidEmpty.Blank);
            }
        }

        var steps = new List<PathStep>();
        while (true)
        {
            if (tokens.TryTake(ExpressionTokenKind.Dot))
            {
                steps.Add(new PathStep(tokens.Expect(ExpressionTokenKind.Identifier, "a name after '.'").Text, null));
            }
            else if (tokens.TryTake(ExpressionTokenKind.OpenBracket))
            {
                var index = ParseValue(tokens);
                tokens.Expect(ExpressionTokenKind.CloseBracket, "']' closing the index");
                steps.Add(new PathStep(null, index));
            }
            else
            {
                return new VariableExpression(first.Text, steps);
            }
        }
    }

    private TokenStream Tokens(MarkupSegment tag) => new(source, ExpressionLexer.Tokenize(source, tag.Content, tag.ContentOffset));

    private void RequireNoArguments(MarkupSegment tag)
    {
        if (!string.IsNullOrWhiteSpace(tag.Content))
        {
            throw LiquidSyntaxException.At(source, tag.ContentOffset, "{% " + tag.TagName + " %} takes no arguments.");
        }
    }

    private void Enter(MarkupSegment tag)
    {
        if (++_depth > limits.MaxNestingDepth)
        {
            throw LiquidSyntaxException.At(
                source,
                tag.Offset,
                "Blocks are nested more than " + limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture) + " deep.");
        }
    }
}
