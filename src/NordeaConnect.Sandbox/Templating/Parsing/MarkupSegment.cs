namespace NordeaConnect.Sandbox.Templating.Parsing;

internal enum MarkupSegmentKind
{
    Text,
    Output,
    Tag,
}

/// <summary>One piece of a template: literal text, an <c>{{ output }}</c> or a <c>{% tag %}</c>, with its source offset.</summary>
internal readonly record struct MarkupSegment(MarkupSegmentKind Kind, string Content, int Offset, string TagName = "", int ContentOffset = 0);
