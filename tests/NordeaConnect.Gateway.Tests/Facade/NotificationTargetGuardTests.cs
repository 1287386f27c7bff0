using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>notification_url is no way into the network: own listeners always refused, private targets unless allowed.</summary>
[Collection(GatewayCollection.Name)]
public sealed class NotificationTargetGuardTests(GatewayFixture gateway)
{
    private static readonly NotificationTargetGuard Strict = new(allowPrivateTargets: false, () => ["http://127.0.0.1:5080", "http://[::]:5081"]);

    private static readonly NotificationTargetGuard Local = new(allowPrivateTargets: true, () => ["http://127.0.0.1:5080", "http://[::]:5081"]);

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://127.1.2.3/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("http://2130706433/hook")] // 127.0.0.1 in decimal
    [InlineData("http://0x7f000001/hook")] // in hex
    [InlineData("http://0177.0.0.1/hook")] // in octal
    [InlineData("http://0x7f.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.9/hook")]
    [InlineData("http://172.31.255.255/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")] // cloud metadata
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")] // IPv4-mapped
    [InlineData("http://[::ffff:a00:1]/hook")] // IPv4-mapped 10.0.0.1, in hex
    [InlineData("http://[::127.0.0.1]/hook")] // IPv4-compatible
    [InlineData("http://[64:ff9b::a9fe:a9fe]/hook")] // NAT64 of 169.254.169.254
    [InlineData("http://[2002:c0a8:101::1]/hook")] // 6to4 of 192.168.1.1
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[ff02::1]/hook")]
    public async Task Private_loopback_and_link_local_targets_are_refused(string url)
    {
        var refusal = await Strict.CheckAsync(new Uri(url), CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.StartsWith("notification_url ", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(url).Host, refusal, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("http://8.8.8.8:8080/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("http://[::ffff:8.8.8.8]/hook")]
    [InlineData("http://172.32.0.1/hook")] // just outside 172.16/12
    public async Task Public_targets_are_accepted(string url)
    {
        Assert.Null(await Strict.CheckAsync(new Uri(url), CancellationToken.None));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/hook")]
    [InlineData("http://localhost:5080/hook")]
    [InlineData("http://[::1]:5081/hook")]
    [InlineData("http://2130706433:5081/hook")]
    public async Task The_gateways_own_listeners_are_refused_even_where_private_targets_are_allowed(string url)
    {
        var refusal = await Local.CheckAsync(new Uri(url), CancellationToken.None);

        Assert.Equal("notification_url points at one of the gateway's own listeners", refusal);
    }

    [Fact]
    public async Task Where_private_targets_are_allowed_a_loopback_receiver_on_another_port_is_accepted()
    {
        Assert.Null(await Local.CheckAsync(new Uri("http://127.0.0.1:9000/hook"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, true)] // the embedded sandbox: the local run
    [InlineData("https://api.example.test/", false)]
    public void Private_targets_are_allowed_by_default_only_with_the_embedded_sandbox(string? upstream, bool allowed)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new("NordeaConnect:BaseAddress", upstream)]).Build())
            .BuildServiceProvider();

        Assert.Equal(allowed, NotificationTargetGuard.Create(services).AllowPrivateTargets);
    }

    [Fact]
    public void The_setting_overrides_the_default()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new(NotificationTargetGuard.AllowPrivateKey, "false")]).Build())
            .BuildServiceProvider();

        Assert.False(NotificationTargetGuard.Create(services).AllowPrivateTargets);
    }

    [Fact]
    public async Task At_delivery_the_connection_is_checked_again_so_a_name_that_now_resolves_privately_is_not_reached()
    {
        // A receiver that accepted at call time may resolve elsewhere later (DNS rebinding); the connect itself is judged.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = Strict.ConnectAsync });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri($"http://localhost:{port}/hook"), new StringContent("{}")));

        Assert.Contains("loopback, link-local, private or reserved", failure.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task At_delivery_an_allowed_target_is_connected()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = Local.ConnectAsync });
        var accepted = listener.AcceptTcpClientAsync();

        var sending = http.PostAsync(new Uri($"http://localhost:{port}/hook"), new StringContent("{}"));
        using var client = await accepted;

        Assert.True(client.Connected);
        client.Close();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending);
    }

    [Fact]
    public async Task A_create_whose_notification_url_is_the_gateways_own_listener_is_refused_naming_the_field_and_creates_nothing()
    {
        var ownListener = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var request = Orders.CardPayment();
        request.NotificationUrl = ownListener + "/webhooks/nordeaconnect";

        var refusal = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("100.100.001", refusal.Trailers.GetValue(Contracts.ResultTrailers.CodeKey));
        var details = Assert.IsType<Google.Rpc.Status>(Grpc.Core.RpcExceptionExtensions.GetRpcStatus(refusal));
        var badRequest = details.Details.Select(d => d.TryUnpack<Google.Rpc.BadRequest>(out var b) ? b : null).Single(b => b is not null)!;
        Assert.Equal("notification_url", Assert.Single(badRequest.FieldViolations).Field);
        var options = new ListOptions();
        options.Filters["payment_ref"] = request.PaymentRef;
        var listed = await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As());
        Assert.Empty(listed.Transactions);
    }

    [Fact]
    public async Task A_subscription_to_the_gateways_own_grpc_port_is_refused()
    {
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());

        var refusal = await Assert.ThrowsAsync<RpcException>(() => new NotificationsClient(gateway.Channel).SubscribeAsync(
            new SubscribeNotificationsRequest { EntityKind = "transaction", Id = created.Transaction.Id, NotificationUrl = "http://" + gateway.Target + "/x" },
            GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("notification_url points at one of the gateway's own listeners", refusal.Status.Detail, StringComparison.Ordinal);
    }
}
