using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Server;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Server;

public sealed class InterceptorTests : IAsyncLifetime
{
    private readonly CallLog _log = new();
    private GrpcTestServer? _server;

    private GrpcTestServer Server => _server!;

    public async Task InitializeAsync() =>
        _server = await GrpcTestServer.StartAsync(services =>
        {
            services.AddSingleton(_log);
            services.AddSingleton<IServerInterceptor, LoggingInterceptor>();
            services.AddSingleton<IServerInterceptor, BearerInterceptor>();
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task A_call_without_the_token_is_refused_before_the_service_runs()
    {
        var client = new EchoClient(Server.Channel.CallInvoker);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(("/nordeaconnect.grpc.testing.v1.EchoService/Echo", StatusCode.Unauthenticated), _log.Entries);
    }

    [Fact]
    public async Task Interceptors_refuse_before_the_request_body_is_read()
    {
        using var raw = new RawGrpcRequest();

        var response = await raw.SendAsync(Server.Address, "/nordeaconnect.grpc.testing.v1.EchoService/Echo", [9, 9, 9]);

        Assert.Equal("16", response.GrpcStatus);
    }

    [Fact]
    public async Task A_call_with_the_token_runs_in_registration_order_and_sees_user_state()
    {
        var client = new EchoClient(Server.Channel.CallInvoker);
        var headers = new Metadata { { "authorization", "Bearer good" } };

        var reply = await client.EchoAsync(new EchoRequest { Message = "in" }, new CallOptions(Headers: headers));

        Assert.Equal("in", reply.Message);
        Assert.Contains(("/nordeaconnect.grpc.testing.v1.EchoService/Echo", StatusCode.OK), _log.Entries);
    }

    private sealed class CallLog
    {
        public ConcurrentBag<(string Method, StatusCode Status)> Entries { get; } = [];
    }

    private sealed class LoggingInterceptor(CallLog log) : IServerInterceptor
    {
        public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
        {
            try
            {
                await next(context);
                Assert.Equal("good", context.UserState["token"]);
                log.Entries.Add((context.Method, context.Status.StatusCode));
            }
            catch (RpcException ex)
            {
                log.Entries.Add((context.Method, ex.StatusCode));
                throw;
            }
        }
    }

    private sealed class BearerInterceptor : IServerInterceptor
    {
        public Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
        {
            if (context.RequestHeaders.GetValue("authorization") != "Bearer good")
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing or invalid bearer token."));
            }

            context.UserState["token"] = "good";
            return next(context);
        }
    }
}
