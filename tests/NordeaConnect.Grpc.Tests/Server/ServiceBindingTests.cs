using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Grpc.Server;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Server;

/// <summary>Binding a class to a proto service fails at start-up, naming each rpc that does not fit and why.</summary>
public sealed class ServiceBindingTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Echo = EchoReflection.Descriptor.Services[0];

    [Fact]
    public async Task A_complete_service_with_Async_suffixed_names_binds()
    {
        await using var app = CreateApp();

        var conventions = app.MapGrpcService<AsyncNamedEchoService>(Echo);

        Assert.NotNull(conventions);
    }

    [Fact]
    public async Task Missing_and_mistyped_methods_are_all_named_with_the_expected_signature()
    {
        await using var app = CreateApp();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<IncompleteEchoService>(Echo));

        Assert.Contains("IncompleteEchoService cannot serve nordeaconnect.grpc.testing.v1.EchoService", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rpc Fail has no method; expected public Task<EchoReply> Fail(FailRequest request, ServerCallContext context)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rpc Echo has the wrong signature; expected public Task<EchoReply> Echo(EchoRequest request, ServerCallContext context), found EchoReply Echo(EchoRequest, ServerCallContext)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rpc Count has the wrong signature", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IServerStreamWriter<CountReply> responseStream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_streaming_methods_are_refused_as_unsupported()
    {
        await using var app = CreateApp();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<AsyncNamedEchoService>(EchoReflection.Descriptor.Services[1]));

        Assert.Contains("rpc Upload streams requests from the client", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_without_AddGrpcServer_says_what_to_call()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<AsyncNamedEchoService>(Echo));

        Assert.Contains("services.AddGrpcServer()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_a_method_twice_is_refused()
    {
        await using var app = CreateApp();
        app.MapGrpcService<AsyncNamedEchoService>(Echo);

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<AsyncNamedEchoService>(Echo));

        Assert.Contains("/nordeaconnect.grpc.testing.v1.EchoService/Echo is mapped twice", ex.Message, StringComparison.Ordinal);
    }

    private static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpcServer();
        return builder.Build();
    }

    private sealed class AsyncNamedEchoService
    {
        public Task<EchoReply> EchoAsync(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> FailAsync(FailRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> SlowAsync(SlowRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task CountAsync(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context) => Task.CompletedTask;

        public Task<EchoReply> CrashAsync(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> LargeAsync(LargeRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> Upload(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    private sealed class IncompleteEchoService
    {
        public EchoReply Echo(EchoRequest request, ServerCallContext context) => new();

        public Task<EchoReply> Slow(SlowRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<CountReply> Count(CountRequest request, ServerCallContext context) => Task.FromResult(new CountReply());

        public Task<EchoReply> Crash(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> Large(LargeRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }
}
