using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace NordeaConnect.Gateway.Tests.Observability;

/// <summary>The gateway composed as Program.cs does, plus observability, on 127.0.0.1 with an embedded sandbox.</summary>
public sealed class ObservabilityEndToEndTests : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _upstreamCorrelationIds = new();
    private readonly int _observabilityPort = FreePort();
    private WebApplication? _app;
    private UpstreamConnection? _upstream;
    private GrpcChannel? _channel;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(GatewayFixture.Configuration)
            .AddInMemoryCollection([new(ObservabilityOptions.UrlKey, "http://127.0.0.1:" + _observabilityPort.ToString(CultureInfo.InvariantCulture))])
            .Build();
        var settings = GatewaySettings.Read(configuration);
        _upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ListenForGrpc(settings);
        builder.WebHost.ListenForObservability(configuration);
        builder.Services.AddNordeaConnectUpstream(_upstream);
        builder.Configuration.AddInMemoryCollection([new(GatewayOrleansSettings.SiloPortKey, "0"), new(GatewayOrleansSettings.GatewayPortKey, "0")]);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        builder.AddGatewayObservability(settings);
        // After the correlation handler, so it sees the headers as they leave.
        builder.Services.AddHttpClient(NordeaConnectServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new UpstreamHeaders(_upstreamCorrelationIds));
        _app = builder.Build();
        _app.MapGatewayFacade();
        _app.MapGatewayObservability();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(new Uri("http://" + settings.Endpoints[0].Address + ":" + GrpcPort().ToString(CultureInfo.InvariantCulture)));
        _http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + _observabilityPort.ToString(CultureInfo.InvariantCulture)) };
    }

    [Fact]
    public async Task The_callers_correlation_id_reaches_the_upstream_request_and_comes_back_in_the_trailers()
    {
        var headers = GatewayFixture.As();
        headers.Add(CallCorrelation.MetadataKey, "order-42.attempt-1");
        using var call = new TransactionsClient(_channel!).GetAsync(new GetTransactionRequest { Id = 987654, Read = new ReadOptions { MaxStalenessMs = 0 } }, headers);

        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal("order-42.attempt-1", call.GetTrailers().GetValue(CallCorrelation.MetadataKey));
        Assert.Contains("order-42.attempt-1", _upstreamCorrelationIds);
    }

    [Fact]
    public async Task A_card_number_offered_as_correlation_id_is_replaced()
    {
        var headers = GatewayFixture.As();
        headers.Add(CallCorrelation.MetadataKey, "4111111111111111");
        using var call = new TransactionsClient(_channel!).GetAsync(new GetTransactionRequest { Id = 987655, Read = new ReadOptions { MaxStalenessMs = 0 } }, headers);

        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        var replaced = call.GetTrailers().GetValue(CallCorrelation.MetadataKey);
        Assert.NotNull(replaced);
        Assert.NotEqual("4111111111111111", replaced);
        Assert.DoesNotContain("4111111111111111", _upstreamCorrelationIds);
    }

    [Fact]
    public async Task Metrics_count_calls_per_method_and_result_group_including_refused_tokens()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new TransactionsClient(_channel!).GetAsync(new GetTransactionRequest { Id = 1 }, GatewayFixture.As("not-a-configured-token-0000001")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        using var response = await _http!.GetAsync(new Uri(ObservabilityEndpointRouteBuilderExtensions.MetricsPath, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        // What the home-made writer's tests proved, now of the exporter's output: unit suffixes, _total on counters,
        // descriptions as HELP, tags as labels, histogram buckets from the instrument's advice up to +Inf.
        Assert.Contains("# TYPE nordeaconnect_gateway_rpc_calls_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP nordeaconnect_gateway_rpc_calls_total gRPC calls served, by method and result-code group", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^nordeaconnect_gateway_rpc_calls_total\\{[^}]*method=\"/nordeaconnect.grains.v1.Transactions/Get\",[^}]*result=\"100\"[^}]*\\} [1-9]", text);
        Assert.Contains("# TYPE nordeaconnect_gateway_rpc_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^nordeaconnect_gateway_rpc_duration_seconds_bucket\\{[^}]*result=\"100\"[^}]*le=\"0.005\"\\} ", text);
        Assert.Matches("(?m)^nordeaconnect_gateway_rpc_duration_seconds_bucket\\{[^}]*result=\"100\"[^}]*le=\"\\+Inf\"\\} [1-9]", text);
        Assert.Matches("(?m)^nordeaconnect_gateway_rpc_duration_seconds_count\\{[^}]*result=\"100\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Health_endpoints_answer_on_the_observability_port()
    {
        using var live = await _http!.GetAsync(new Uri(ObservabilityEndpointRouteBuilderExtensions.LivenessPath, UriKind.Relative));
        using var ready = await _http.GetAsync(new Uri(ObservabilityEndpointRouteBuilderExtensions.ReadinessPath, UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"upstream\":\"ok\"", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private int GrpcPort() => _app!.Urls
        .Select(url => new Uri(url.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port)
        .First(port => port != _observabilityPort);

    /// <summary>Records the correlation header of every upstream request as it leaves the gateway.</summary>
    private sealed class UpstreamHeaders(System.Collections.Concurrent.ConcurrentQueue<string> ids) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Correlation-Id", out var values))
            {
                foreach (var value in values)
                {
                    ids.Enqueue(value);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
