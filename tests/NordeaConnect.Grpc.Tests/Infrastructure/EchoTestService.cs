using Google.Protobuf;
using NordeaConnect.Grpc.Server;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Infrastructure;

/// <summary>The implementation of the test-only EchoService; bound by name from its proto descriptor.</summary>
public sealed class EchoTestService(CallProbe probe)
{
    public const string Secret = "Password=hunter2-db-secret";

    public async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("echo-", StringComparison.Ordinal)))
        {
            echoed.Add(entry);
            context.ResponseTrailers.Add(entry);
        }

        await context.WriteResponseHeadersAsync(echoed);
        var reply = new EchoReply
        {
            Message = request.Message,
            Payload = request.Payload,
            Peer = context.Peer,
            HasDeadline = context.Deadline != DateTime.MaxValue,
            RequestEncoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString(),
        };
        reply.ReceivedMetadata.AddRange(context.RequestHeaders.Select(e =>
            e.IsBinary ? e.Key + "=" + Convert.ToBase64String(e.ValueBytes) : e.Key + "=" + e.Value));
        return reply;
    }

    public Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        var trailers = new Metadata { { "error-detail-bin", new byte[] { 0, 1, 2, 255 } } };
        throw new RpcException(new Status((StatusCode)request.Code, request.Message), trailers);
    }

    public async Task<EchoReply> Slow(SlowRequest request, ServerCallContext context)
    {
        probe.Started(request.Tag);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled(request.Tag);
            throw;
        }

        return new EchoReply();
    }

    public async Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.Tag))
        {
            probe.Started(request.Tag);
        }

        try
        {
            for (var i = 0; request.UntilCancelled || i < request.Count; i++)
            {
                await responseStream.WriteAsync(new CountReply { Index = i }, context.CancellationToken);
                if (request.DelayMs > 0)
                {
                    await Task.Delay(request.DelayMs, context.CancellationToken);
                }
            }

            if (request.FailCode != 0)
            {
                throw new RpcException(new Status((StatusCode)request.FailCode, $"failed after {request.Count} replies"), new Metadata { { "sent", request.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            }

            if (request.StatusCode != 0)
            {
                context.Status = new Status((StatusCode)request.StatusCode, "stopped by status");
            }
        }
        catch (OperationCanceledException) when (!string.IsNullOrEmpty(request.Tag))
        {
            probe.Cancelled(request.Tag);
            throw;
        }
    }

    public Task<EchoReply> Crash(EchoRequest request, ServerCallContext context) =>
        throw new InvalidOperationException("Could not connect with " + Secret);

    public Task<EchoReply> Large(LargeRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Payload = ByteString.CopyFrom(new byte[request.PayloadSize]) });
}
