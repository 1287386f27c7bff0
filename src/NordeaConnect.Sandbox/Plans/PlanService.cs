using System.Collections.Immutable;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>Creates billing plans; the reference allows no API update of a plan (only through the portal).</summary>
internal sealed class PlanService(SandboxStore store, SandboxClock time)
{
    public const string Active = "active";
    public const string Cancelled = "cancelled";

    public PlanRecord Create(SandboxMerchant merchant, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var intervalUnit = fields.RequiredString("interval_unit", 16).ToLowerInvariant();
        var interval = (int)(fields.OptionalInteger("interval", 1, int.MaxValue) ?? throw new ApiException(SandboxErrors.ParameterMissing, "interval"));
        var periods = (int)(fields.OptionalInteger("periods", 0, int.MaxValue) ?? 0);
        var trialLength = (int)(fields.OptionalInteger("trial_length", 0, int.MaxValue) ?? 0);
        var name = fields.RequiredString("name", 255);
        var description = fields.OptionalString("description", 2000);
        var prices = fields.OptionalJson("prices") is { } priceTable
            ? PriceTable.Read(priceTable, "prices")
            : throw new ApiException(SandboxErrors.ParameterMissing, "prices");
        if (prices.IsEmpty)
        {
            throw new ApiException(SandboxErrors.ParameterMissing, "prices");
        }

        var setupFees = fields.OptionalJson("setup_fees") is { } feeTable
            ? PriceTable.Read(feeTable, "setup_fees")
            : ImmutableSortedDictionary<string, Amount>.Empty.WithComparers(StringComparer.Ordinal);
        var reference = fields.OptionalString("ref", 255);
        PlanTerms.Validated(interval, intervalUnit, periods, trialLength, prices.Values.First(), Amount.Zero);

        return store.For(merchant.Id).Write(book =>
        {
            var plan = new PlanRecord
            {
                Id = book.Ids.NextPlan(),
                CreatedAt = now,
                UpdatedAt = now,
                Name = name,
                Description = description,
                Interval = interval,
                IntervalUnit = intervalUnit,
                Periods = periods,
                TrialLength = trialLength,
                Prices = prices,
                SetupFees = setupFees,
                Status = Active,
                Ref = reference,
            };
            book.Plans[plan.Id] = plan;
            return plan;
        });
    }
}
