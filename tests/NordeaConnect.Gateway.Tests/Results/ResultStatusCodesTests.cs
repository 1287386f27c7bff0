using NordeaConnect.Gateway.Results;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Tests.Results;

public sealed class ResultStatusCodesTests
{
    public static TheoryData<string, StatusCode> WellKnown => new()
    {
        { "000.000.000", StatusCode.OK },
        { "000.100.110", StatusCode.OK },
        { "000.200.100", StatusCode.OK },
        { "100.100.001", StatusCode.InvalidArgument },
        { "100.100.002", StatusCode.InvalidArgument },
        { "100.100.004", StatusCode.InvalidArgument },
        { "100.200.001", StatusCode.FailedPrecondition },
        { "100.200.002", StatusCode.FailedPrecondition },
        { "100.200.006", StatusCode.FailedPrecondition },
        { "100.200.404", StatusCode.NotFound },
        { "100.300.001", StatusCode.AlreadyExists },
        { "100.300.002", StatusCode.InvalidArgument },
        { "100.400.401", StatusCode.Unauthenticated },
        { "100.400.403", StatusCode.PermissionDenied },
        { "200.000.000", StatusCode.InvalidArgument },
        { "200.000.404", StatusCode.NotFound },
        { "800.000.000", StatusCode.FailedPrecondition },
        { "900.900.001", StatusCode.DeadlineExceeded },
        { "900.900.002", StatusCode.Unavailable },
        { "900.900.003", StatusCode.Unknown },
        { "900.900.004", StatusCode.Internal },
        { "900.900.005", StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(WellKnown))]
    public void Well_known_codes_travel_with_their_status(string code, StatusCode status) =>
        Assert.Equal(status, ResultStatusCodes.For(ResultCode.Parse(code)));

    [Fact]
    public void Every_upstream_error_travels_with_the_status_of_its_table_row()
    {
        foreach (var error in UpstreamErrorTable.All)
        {
            Assert.Equal((int)error.GrpcStatus, (int)ResultStatusCodes.For(error.ResultCode));
        }
    }

    [Fact]
    public void The_gateway_and_primitives_agree_on_status_numbers()
    {
        foreach (var status in Enum.GetValues<GrpcStatusCode>())
        {
            Assert.Equal(status.ToString(), ((StatusCode)(int)status).ToString(), ignoreCase: true);
        }
    }
}
