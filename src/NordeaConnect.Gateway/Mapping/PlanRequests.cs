using System.Globalization;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class PlanRequests
{
    public static PlanCreateRequest ToCreation(V1.CreatePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestFields.KeyText(request.Name, "name");
        if (request.Name.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "name is missing: a plan needs a name");
        }

        if (request.Interval < 1)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"interval {request.Interval.ToString(CultureInfo.InvariantCulture)} must be at least 1");
        }

        if (request.Periods < 0 || request.TrialLength < 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "periods and trial_length cannot be negative (0 means forever and no trial)");
        }

        if (request.Prices.Count == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "prices is empty: give at least one currency and amount, e.g. {\"sek\": \"99.00\"}");
        }

        return new PlanCreateRequest
        {
            Name = request.Name,
            IntervalUnit = RequestFields.OneOf(request.IntervalUnit, "interval_unit", "days", "months"),
            Interval = request.Interval,
            Description = RequestFields.Optional(request.Description),
            Periods = request.Periods,
            TrialLength = request.TrialLength,
            Prices = PlanMessages.FromMessage(request.Prices, "prices"),
            SetupFees = PlanMessages.FromMessage(request.SetupFees, "setup_fees"),
        };
    }
}
