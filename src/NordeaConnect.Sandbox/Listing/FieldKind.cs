namespace NordeaConnect.Sandbox.Listing;

/// <summary>How a field filters: strings and booleans by equality and wildcards; numbers and dates also by ranges.</summary>
internal enum FieldKind
{
    Text,
    Boolean,
    Integer,
    Decimal,
    Date,
}
