using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Customers;

/// <summary>The customer list's filters: created_at, id, ref and updated_at (plus metadata paths).</summary>
internal static class CustomerSchema
{
    public static readonly ResourceSchema<CustomerRecord> Instance = new(
        "customer",
        c => c.Id,
        [
            new("created_at", FieldKind.Date, c => c.CreatedAt),
            new("id", FieldKind.Integer, c => c.Id),
            new("ref", FieldKind.Text, c => c.Ref),
            new("updated_at", FieldKind.Date, c => c.UpdatedAt),
        ],
        c => c.Metadata);
}
