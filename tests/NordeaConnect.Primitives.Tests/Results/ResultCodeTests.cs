using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Results;

public sealed class ResultCodeTests
{
    [Theory]
    [InlineData("000.000.000", ResultCodeKind.Success)]
    [InlineData("000.100.110", ResultCodeKind.Success)]
    [InlineData("100.200.001", ResultCodeKind.GatewayRefused)]
    [InlineData("200.100.118", ResultCodeKind.UpstreamValidation)]
    [InlineData("800.100.153", ResultCodeKind.Declined)]
    [InlineData("900.900.003", ResultCodeKind.SystemTrouble)]
    public void Parses_ddd_ddd_ddd_and_knows_its_kind(string text, ResultCodeKind kind)
    {
        var code = ResultCode.Parse(text);
        Assert.Equal(kind, code.Kind);
        Assert.Equal(text, code.ToString());
        Assert.Equal(kind == ResultCodeKind.Success, code.IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000.000")]
    [InlineData("000.000.0000")]
    [InlineData("000-000-000")]
    [InlineData("a00.000.000")]
    [InlineData("300.000.000")]
    [InlineData("٠٠٠.٠٠٠.٠٠٠")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(ResultCode.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => ResultCode.Parse(text));
        Assert.Contains("ddd.ddd.ddd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_codes_are_distinct_and_of_the_right_kind()
    {
        var all = new[]
        {
            ResultCode.Success, ResultCode.TestModeSuccess, ResultCode.Pending, ResultCode.Authorized,
            ResultCode.InvalidArgument, ResultCode.InvalidAmount, ResultCode.InvalidCurrency, ResultCode.InvalidPaymentRef,
            ResultCode.RefundExceedsAvailable, ResultCode.CaptureNotAuthorized, ResultCode.CaptureExceedsAuthorized,
            ResultCode.RefundNotAllowed, ResultCode.CardDetailsLocked, ResultCode.StoredCardNotUsable, ResultCode.NotFound,
            ResultCode.IdempotencyKeyReused, ResultCode.IdempotencyKeyMalformed, ResultCode.Unauthenticated, ResultCode.PermissionDenied,
            ResultCode.UpstreamRejected, ResultCode.UpstreamNotFound, ResultCode.UpstreamDeclined,
            ResultCode.UpstreamTimeout, ResultCode.UpstreamUnavailable, ResultCode.OutcomeUnknown,
            ResultCode.UpstreamAuthenticationFailed, ResultCode.InternalError,
        };
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal("000.000.000", ResultCode.Success.Value);
        Assert.Equal(ResultCodeKind.GatewayRefused, ResultCode.RefundExceedsAvailable.Kind);
        Assert.Equal(ResultCodeKind.SystemTrouble, ResultCode.OutcomeUnknown.Kind);
        Assert.DoesNotContain(all, c => UpstreamErrorTable.All.Any(e => e.ResultCode == c));
    }

    [Theory]
    [InlineData(null, 401, "900.900.004")]
    [InlineData(null, 403, "900.900.004")]
    [InlineData(null, 404, "200.000.404")]
    [InlineData(null, 502, "900.900.002")]
    [InlineData(null, 504, "900.900.001")]
    [InlineData(null, 400, "200.000.000")]
    [InlineData(99999, 400, "200.000.000")]
    [InlineData(260, 400, "200.100.260")]
    [InlineData(261, 400, "800.100.261")]
    [InlineData(4001, 400, "800.500.001")]
    public void Maps_an_upstream_error_object_to_a_result_code(int? code, int status, string expected) =>
        Assert.Equal(expected, UpstreamErrorTable.ResultCodeFor(code, status).Value);
}
