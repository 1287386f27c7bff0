using System.Net;
using NordeaConnect.Client;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Results;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Tests.Results;

public sealed class ResultFailuresTests
{
    [Fact]
    public void A_refusal_carries_its_result_in_trailers_and_a_readable_grpc_message()
    {
        var refusal = new GatewayRefusalException(ResultCode.InvalidAmount, "amount '12' has no decimals");

        var exception = ResultFailures.ToRpcException(ResultMessages.Refusal(refusal));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("amount '12' has no decimals (result 100.100.002)", exception.Status.Detail);
        Assert.Equal("100.100.002", exception.Trailers.GetValue(ResultTrailers.CodeKey));
        var result = exception.GetResult();
        Assert.NotNull(result);
        Assert.Equal("100.100.002", result.Code);
        Assert.Equal("amount '12' has no decimals", result.Description);
        Assert.Null(result.UpstreamError);
    }

    [Fact]
    public void An_upstream_error_keeps_its_error_object_and_status_from_the_table()
    {
        var row = UpstreamErrorTable.All.First(e => e.ResultCode.Kind == ResultCodeKind.Declined);
        var body = new UpstreamErrorBody { Name = row.Name, Code = row.Code, Description = "Kortet nekades" };
        var failure = new NordeaConnectException("declined", row.ResultCode, HttpStatusCode.BadRequest, body, "c-1");

        var result = ResultMessages.FromUpstream(failure);
        var exception = ResultFailures.ToRpcException(result);

        Assert.Equal((int)row.GrpcStatus, (int)exception.StatusCode);
        var sent = exception.GetResult();
        Assert.NotNull(sent);
        Assert.Equal(row.ResultCode.Value, sent.Code);
        Assert.Equal("Kortet nekades", sent.Description);
        Assert.Equal(row.Name, sent.UpstreamError.Name);
        Assert.Equal(row.Code, sent.UpstreamError.Code);
        Assert.Equal(400, sent.UpstreamError.HttpStatus);
        Assert.Contains(row.Name, exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_without_an_error_object_gets_the_standard_description()
    {
        var failure = new NordeaConnectOutcomeUnknownException("timed out", null, null, "c-2");

        var result = ResultMessages.FromUpstream(failure);

        Assert.Equal("900.900.003", result.Code);
        Assert.Equal(ResultDescriptions.For(ResultCode.OutcomeUnknown), result.Description);
        Assert.Equal(StatusCode.Unknown, ResultFailures.ToRpcException(result).StatusCode);
    }

    [Fact]
    public void Refusals_only_carry_100_codes() =>
        Assert.Throws<ArgumentException>(() => new GatewayRefusalException(ResultCode.UpstreamTimeout, "nope"));

    [Fact]
    public void Success_results_only_carry_000_codes()
    {
        Assert.Equal("000.100.110", ResultMessages.Success(ResultCode.TestModeSuccess).Code);
        Assert.Throws<ArgumentException>(() => ResultMessages.Success(ResultCode.NotFound));
    }

    [Fact]
    public void Every_result_code_has_a_description()
    {
        foreach (var error in UpstreamErrorTable.All)
        {
            Assert.Equal(error.Description, ResultDescriptions.For(error.ResultCode));
        }

        Assert.False(string.IsNullOrWhiteSpace(ResultDescriptions.For(ResultCode.Parse("100.999.999"))));
    }

    [Fact]
    public void A_damaged_binary_trailer_still_yields_the_text_code()
    {
        var trailers = new Metadata { { ResultTrailers.CodeKey, "100.200.404" }, { ResultTrailers.ResultKey, new byte[] { 0xFF, 0xFF, 0xFF } } };
        Assert.Equal("100.200.404", ResultTrailers.Read(trailers)?.Code);
        Assert.Null(ResultTrailers.Read(new Metadata()));
    }
}
