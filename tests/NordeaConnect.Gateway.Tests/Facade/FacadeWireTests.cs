using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>
/// What the façade must do on the wire, now that Grpc.AspNetCore carries it (ported from the wire layer's tests):
/// Trailers-Only errors, the server's own deadline, gzip requests, size limits, cancellation, health.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class FacadeWireTests(GatewayFixture gateway) : IDisposable
{
    private const string GetPath = "/nordeaconnect.grains.v1.Transactions/Get";
    private const string WatchPath = "/nordeaconnect.grains.v1.Transactions/Watch";

    private readonly RawGrpcRequest _raw = new();

    private Uri Address => new("http://" + gateway.Target);

    private static (string, string)[] Auth => [("authorization", "Bearer " + GatewayFixture.AllScopes)];

    public void Dispose() => _raw.Dispose();

    [Fact]
    public async Task An_error_before_any_message_is_Trailers_Only_with_the_result_code_in_its_headers()
    {
        var response = await _raw.SendAsync(Address, GetPath, RawGrpcRequest.Frame(new GetTransactionRequest { Id = -1 }.ToByteArray()), headers: Auth);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("3", response.Headers["grpc-status"]);
        Assert.Equal("100.100.001", response.Headers["nc-result-code"]);
        Assert.Contains("grpc-status-details-bin", response.Headers.Keys);
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_decompressed_and_read()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new GetTransactionRequest { Id = -7 }.ToByteArray());
        }

        var response = await _raw.SendAsync(Address, GetPath, RawGrpcRequest.Frame(compressed.ToArray(), compressed: true), headers: [.. Auth, ("grpc-encoding", "gzip")]);

        // The refusal names the id the compressed message carried, so the server decompressed and decoded it.
        Assert.Equal("3", response.GrpcStatus);
        Assert.Contains("id -7", Uri.UnescapeDataString(response.GrpcMessage ?? string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_ends_a_stream_at_the_grpc_timeout_even_when_the_caller_does_not()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());

        // HttpClient knows nothing of grpc-timeout: only the server can end this call.
        var response = await _raw.SendAsync(Address, WatchPath, RawGrpcRequest.Frame(new WatchTransactionRequest { Id = paid.Transaction.Id }.ToByteArray()), headers: [.. Auth, ("grpc-timeout", "500m")]);

        Assert.Equal("4", response.GrpcStatus);
    }

    [Fact]
    public async Task A_request_over_the_receive_limit_is_resource_exhausted()
    {
        var request = Orders.CardPayment();
        request.Metadata = new Google.Protobuf.WellKnownTypes.Struct();
        request.Metadata.Fields["blob"] = Google.Protobuf.WellKnownTypes.Value.ForString(new string('x', GatewayServiceCollectionExtensions.MaxMessageSize));

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal("100.100.001", refused.GetResultCode());
        Assert.Equal("100.100.001", refused.GetErrorInfo()?.Reason);
    }

    [Fact]
    public async Task An_undecodable_message_is_invalid_argument_with_a_result_code_not_unknown()
    {
        var response = await _raw.SendAsync(Address, GetPath, RawGrpcRequest.Frame([0x0A, 0xFF, 0xFF]), headers: Auth);

        Assert.Equal("3", response.GrpcStatus);
        Assert.Equal("100.100.001", response.ResultCode);
        Assert.DoesNotContain("Exception", Uri.UnescapeDataString(response.GrpcMessage ?? string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_stream_ends_as_cancelled_and_the_server_keeps_serving()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());
        using var cancel = new CancellationTokenSource();
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = paid.Transaction.Id }, GatewayFixture.As(), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        await cancel.CancelAsync();

        var ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
        var again = await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = paid.Transaction.Id }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Equal(paid.Transaction.Id, again.Transaction.Id);
    }

    [Fact]
    public async Task Health_answers_check_without_a_token_and_refuses_an_unknown_service()
    {
        var health = new Health.HealthClient(gateway.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Server_reflection_lists_every_service_without_a_token()
    {
        using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(gateway.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        foreach (var service in new[] { "Transactions", "Refunds", "StoredCards", "Plans", "Subscriptions", "Customers", "WebhookTemplates", "Webhooks", "Notifications" })
        {
            Assert.Contains("nordeaconnect.grains.v1." + service, names);
        }
    }

    [Fact]
    public async Task A_non_gRPC_content_type_is_refused_with_HTTP_415()
    {
        var response = await _raw.SendAsync(Address, GetPath, RawGrpcRequest.Frame(new GetTransactionRequest { Id = 1 }.ToByteArray()), contentType: "application/json", headers: Auth);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task Results_travel_as_standard_status_details_too()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = -3 }, GatewayFixture.As()).ResponseAsync);

        var info = refused.GetErrorInfo();
        Assert.NotNull(info);
        Assert.Equal("100.100.001", info.Reason);
        Assert.Equal(ResultTrailers.ErrorDomain, info.Domain);
        var violation = Assert.Single(refused.GetBadRequest()!.FieldViolations);
        Assert.Equal("id", violation.Field);
    }
}
