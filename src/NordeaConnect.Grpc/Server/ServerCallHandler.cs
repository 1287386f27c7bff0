using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Server;

/// <summary>
/// Serves one gRPC method over one HTTP/2 stream: protocol checks, deadline, interceptors, reading the single
/// request message, running the method, and ending with a status (trailers, or Trailers-Only for early errors).
/// </summary>
internal abstract class ServerCallHandler<TRequest>(string serviceName, string methodName, MessageParser<TRequest> requestParser)
    where TRequest : IMessage<TRequest>
{
    private CallServices? _services;
    private ServerCallContinuation? _pipeline;

    public string ServiceName { get; } = serviceName;

    public string MethodName { get; } = methodName;

    /// <summary>
    /// Whether host shutdown cancels the call. True for streams, which may run for hours; unary calls are short and
    /// are left to finish within Kestrel's graceful shutdown.
    /// </summary>
    protected virtual bool EndsOnServerShutdown => false;

    public async Task HandleAsync(HttpContext httpContext)
    {
        // Resolved once per method: these are singletons, and per-call lookups showed up in the benchmark.
        var services = _services ??= CallServices.From(httpContext.RequestServices);

        if (!GrpcRequestValidation.TryAccept(httpContext, out var timeout, out var earlyStatus))
        {
            return;
        }

        // Each message is limited by MaxReceiveMessageSize instead; Kestrel's 30 MB body cap would be a second, confusing limit.
        var bodySize = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = null;
        }

        Metadata requestHeaders;
        try
        {
            requestHeaders = MetadataHeaders.FromRequestHeaders(httpContext.Request.Headers);
        }
        catch (RpcException ex)
        {
            earlyStatus = ex.Status;
            requestHeaders = [];
        }

        using var context = new HttpServerCallContext(
            httpContext,
            ServiceName,
            MethodName,
            timeout,
            requestHeaders,
            EndsOnServerShutdown ? services.ApplicationStopping : CancellationToken.None);
        if (earlyStatus is { } refused)
        {
            await context.CompleteAsync(refused).ConfigureAwait(false);
            return;
        }

        var callTask = RunAsync(context, services);
        if (timeout is null)
        {
            await callTask.ConfigureAwait(false);
            return;
        }

        var deadlinePassed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadlineRegistration = context.DeadlineToken.Register(() => deadlinePassed.TrySetResult());
        var first = await Task.WhenAny(callTask, deadlinePassed.Task).ConfigureAwait(false);
        if (first != callTask)
        {
            // Answer the caller at its deadline even if the method ignores the token; then wait it out so the
            // HttpContext is not used after this request ends.
            await context.CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), sendNow: true).ConfigureAwait(false);
            services.Logger.LogDebug("Call {Method} exceeded its deadline", context.Method);
        }

        await callTask.ConfigureAwait(false);
    }

    /// <summary>Runs interceptors and the method and sends the resulting status; never throws.</summary>
    private async Task RunAsync(HttpServerCallContext context, CallServices services)
    {
        var logger = services.Logger;
        Status status;
        try
        {
            _pipeline ??= BuildPipeline(services);
            await _pipeline(context).ConfigureAwait(false);
            status = context.Status;
        }
        catch (RpcException ex)
        {
            status = ex.Status;
            foreach (var entry in ex.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }
        }
        catch (OperationCanceledException) when (context.DeadlineExpired)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (OperationCanceledException) when (context.ServerStopping && !context.ClientAborted)
        {
            status = new Status(StatusCode.Unavailable, "The server is shutting down; reconnect and retry.");
        }
        catch (OperationCanceledException) when (context.ClientAborted || context.Completed)
        {
            logger.LogDebug("Call {Method} was cancelled by the client", context.Method);
            status = new Status(StatusCode.Cancelled, "Call cancelled by the client.");
        }
        catch (Exception ex) when (context.ClientAborted)
        {
            // Whatever a method throws once its caller is gone (often a wrapped cancellation) is no server error.
            logger.LogDebug(ex, "Call {Method} ended with {ExceptionType} after the client went away", context.Method, ex.GetType().Name);
            status = new Status(StatusCode.Cancelled, "Call cancelled by the client.");
        }
        catch (Exception ex)
        {
            // The exception text may hold anything (connection strings, payloads); it goes to the log, never to the caller.
            logger.LogError(ex, "Call {Method} failed with an unhandled {ExceptionType}", context.Method, ex.GetType().Name);
            status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }

        try
        {
            await context.CompleteAsync(status).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogDebug(ex, "Call {Method} could not send its status; the stream is gone", context.Method);
        }
    }

    /// <summary>The interceptors wrapped around the method, built once: they and the options are fixed after start-up.</summary>
    private ServerCallContinuation BuildPipeline(CallServices services)
    {
        var options = services.Options;
        Func<HttpServerCallContext, GrpcServerOptions, Task<TRequest>> readRequest = ReadRequestAsync;
        ServerCallContinuation pipeline = ctx => InvokeMethodAsync(readRequest, (HttpServerCallContext)ctx, options);
        for (var i = services.Interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = services.Interceptors[i];
            var next = pipeline;
            pipeline = ctx => interceptor.InterceptAsync(ctx, next);
        }

        return pipeline;
    }

    private async Task<TRequest> ReadRequestAsync(HttpServerCallContext context, GrpcServerOptions options)
    {
        var request = context.GetHttpContext().Request;
        var reader = new MessageReader(request.BodyReader, GrpcRequestValidation.SingleHeader(request.Headers, GrpcHeaderNames.Encoding), options.MaxReceiveMessageSize);
        var bytes = await reader.ReadAsync(context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "Request ended without a message; this method takes exactly one request message."));
        if (await reader.ReadAsync(context.CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Request carried more than one message; this method takes exactly one request message."));
        }

        try
        {
            return requestParser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            // statuscodes.md lists "error parsing request proto" as INTERNAL, so that is what real clients expect.
            throw new RpcException(new Status(StatusCode.Internal, $"Request message could not be decoded as {typeof(TRequest).Name}."));
        }
    }

    /// <summary>Refuses a response above the send limit (RESOURCE_EXHAUSTED) and returns its size.</summary>
    protected static int CheckResponseSize(IMessage response, GrpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(response, nameof(response));
        var size = response.CalculateSize();
        if (size > options.MaxSendMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Response message of {size} bytes exceeds the maximum of {options.MaxSendMessageSize} bytes."));
        }

        return size;
    }

    private sealed record CallServices(GrpcServerOptions Options, ILogger Logger, IServerInterceptor[] Interceptors, CancellationToken ApplicationStopping)
    {
        public static CallServices From(IServiceProvider services) => new(
            services.GetRequiredService<IOptions<GrpcServerOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("NordeaConnect.Grpc.Server"),
            services.GetServices<IServerInterceptor>().ToArray(),
            services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None);
    }

    /// <summary>Reads the request (through <paramref name="readRequest"/>), runs the method and writes its responses.</summary>
    protected abstract Task InvokeMethodAsync(
        Func<HttpServerCallContext, GrpcServerOptions, Task<TRequest>> readRequest,
        HttpServerCallContext context,
        GrpcServerOptions options);
}
