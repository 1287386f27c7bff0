using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>
/// The plan list's filters: created_at, description, id, interval, interval_unit, name, periods, ref, status,
/// trial_length and updated_at.
/// </summary>
internal static class PlanSchema
{
    public static readonly ResourceSchema<PlanRecord> Instance = new(
        "plan",
        p => p.Id,
        [
            new("created_at", FieldKind.Date, p => p.CreatedAt),
            new("description", FieldKind.Text, p => p.Description),
            new("id", FieldKind.Integer, p => p.Id),
            new("interval", FieldKind.Integer, p => (long)p.Interval),
            new("interval_unit", FieldKind.Text, p => p.IntervalUnit),
            new("name", FieldKind.Text, p => p.Name),
            new("periods", FieldKind.Integer, p => (long)p.Periods),
            new("ref", FieldKind.Text, p => p.Ref),
            new("status", FieldKind.Text, p => p.Status),
            new("trial_length", FieldKind.Integer, p => (long)p.TrialLength),
            new("updated_at", FieldKind.Date, p => p.UpdatedAt),
        ]);
}
