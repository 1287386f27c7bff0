using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Server;

/// <summary>
/// The call state over one HTTP/2 stream. All response writes go through one gate, so the deadline can end the
/// call with DEADLINE_EXCEEDED while the method is still running without the two writing over each other.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _httpContext;
    private readonly SemaphoreSlim _responseGate = new(1, 1);
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource? _callSource;
    private Metadata? _responseHeaders;
    private Dictionary<object, object>? _userState;
    private bool _headersWritten;

    private readonly CancellationToken _serverStopping;

    /// <param name="serverStopping">
    /// When cancelled, so is the call: lets long-lived streams end (UNAVAILABLE) when the host shuts down instead of
    /// holding the shutdown until its timeout.
    /// </param>
    public HttpServerCallContext(
        HttpContext httpContext,
        string serviceName,
        string methodName,
        TimeSpan? timeout,
        Metadata requestHeaders,
        CancellationToken serverStopping = default)
    {
        _httpContext = httpContext;
        _serverStopping = serverStopping;
        ServiceName = serviceName;
        MethodName = methodName;
        Method = "/" + serviceName + "/" + methodName;
        RequestHeaders = requestHeaders;
        if (timeout is { } value)
        {
            var now = DateTime.UtcNow;
            // 99999999H is legal and lies beyond DateTime's range; such a deadline is "never".
            Deadline = value < DateTime.MaxValue - now ? now + value : DateTime.MaxValue;
            // CancelAfter takes at most ~49 days; a longer gRPC timeout is as good as none.
            _deadlineSource = value < TimeSpan.FromDays(49) ? new CancellationTokenSource(value) : new CancellationTokenSource();
            _callSource = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, _deadlineSource.Token, serverStopping);
        }
        else
        {
            Deadline = DateTime.MaxValue;
            // Without a deadline or shutdown link the request's own abort token is the call's token; no linked source needed.
            _callSource = serverStopping.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, serverStopping)
                : null;
        }
    }

    public bool ServerStopping => _serverStopping.IsCancellationRequested;

    public override string Method { get; }

    public override string ServiceName { get; }

    public override string MethodName { get; }

    public override string Host => _httpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => FormatPeer(_httpContext.Connection.RemoteIpAddress, _httpContext.Connection.RemotePort);

    public override DateTime Deadline { get; }

    public override Metadata RequestHeaders { get; }

    public override CancellationToken CancellationToken => _callSource?.Token ?? _httpContext.RequestAborted;

    public override Metadata ResponseTrailers { get; } = [];

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override IDictionary<object, object> UserState => _userState ??= [];

    /// <summary>Cancelled when the deadline passes (and only then); never cancelled for calls without one.</summary>
    public CancellationToken DeadlineToken => _deadlineSource?.Token ?? CancellationToken.None;

    public bool DeadlineExpired => _deadlineSource?.IsCancellationRequested == true;

    public bool ClientAborted => _httpContext.RequestAborted.IsCancellationRequested;

    /// <summary>True once the status has been sent; nothing more may be written.</summary>
    public bool Completed { get; private set; }

    public override HttpContext GetHttpContext() => _httpContext;

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await _responseGate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            EnsureWritable();
            if (_headersWritten)
            {
                throw new InvalidOperationException("Response headers have already been sent for this call.");
            }

            foreach (var entry in responseHeaders)
            {
                MetadataHeaders.EnsureSendable(entry);
            }

            _responseHeaders = responseHeaders;
            await SendHeadersAsync(start: true).ConfigureAwait(false);
        }
        finally
        {
            _responseGate.Release();
        }
    }

    /// <summary>
    /// Writes one framed message, sending headers first if needed. A streamed message is flushed at once; a unary
    /// response is left buffered so it leaves together with the trailers (one write instead of two).
    /// </summary>
    /// <remarks>The message is serialized straight into the response pipe; <paramref name="size"/> is its already computed size.</remarks>
    public async Task WriteMessageAsync(Google.Protobuf.IMessage message, int size, bool flush, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken)
            : null;
        var token = linked?.Token ?? CancellationToken;
        await _responseGate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            EnsureWritable();
            if (!_headersWritten)
            {
                await SendHeadersAsync(start: flush).ConfigureAwait(false);
            }

            var writer = _httpContext.Response.BodyWriter;
            LengthPrefixedMessage.WriteHeader(writer, size, compressed: false);
            Google.Protobuf.MessageExtensions.WriteTo(message, writer);
            if (flush)
            {
                await _httpContext.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
            }
        }
        finally
        {
            _responseGate.Release();
        }
    }

    /// <summary>
    /// Ends the call with a status: in trailers after response headers, or as a Trailers-Only response when
    /// nothing was sent yet. The first status wins; later ones are ignored. With <paramref name="sendNow"/> the
    /// response is completed at once (the deadline, while the method still runs); otherwise it leaves when the
    /// request delegate returns, which lets Kestrel write it together and costs noticeably less per call.
    /// </summary>
    public async Task CompleteAsync(Status status, bool sendNow = false)
    {
        await _responseGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (Completed)
            {
                return;
            }

            Completed = true;
            var reserved = ResponseTrailers.FirstOrDefault(e => GrpcHeaderNames.IsReserved(e.Key));
            if (reserved is not null)
            {
                // Sending it would corrupt the status; failing loudly tells the service author what went wrong.
                status = new Status(StatusCode.Internal, $"The service set reserved metadata key '{reserved.Key}' in its response trailers.");
                ResponseTrailers.Clear();
            }

            if (ClientAborted)
            {
                // The stream is reset; there is nobody to tell.
                return;
            }

            var response = _httpContext.Response;
            if (!_headersWritten && !response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = GrpcHeaderNames.GrpcContentType;
                response.Headers[GrpcHeaderNames.AcceptEncoding] = MessageCompression.AcceptEncodingValue;
                SetStatus(response.Headers, status);
                CopyMetadata(ResponseTrailers, response.Headers);
            }
            else
            {
                response.AppendTrailer(GrpcHeaderNames.Status, StatusCodeText.Of(status.StatusCode));
                if (!string.IsNullOrEmpty(status.Detail))
                {
                    response.AppendTrailer(GrpcHeaderNames.Message, StatusMessageEncoding.Encode(status.Detail));
                }

                foreach (var entry in ResponseTrailers)
                {
                    response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }

            if (sendNow)
            {
                await response.CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _responseGate.Release();
        }
    }

    public void Dispose()
    {
        _callSource?.Dispose();
        _deadlineSource?.Dispose();
        _responseGate.Dispose();
    }

    private void EnsureWritable()
    {
        if (Completed)
        {
            // The deadline (or an earlier error) already ended the call; stop the method from writing on.
            throw new OperationCanceledException("The call has already completed; no more messages can be written.", CancellationToken);
        }
    }

    /// <summary>Sets the response headers; <paramref name="start"/> also sends them now rather than with the first flush.</summary>
    private async Task SendHeadersAsync(bool start)
    {
        var response = _httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaderNames.GrpcContentType;
        response.Headers[GrpcHeaderNames.AcceptEncoding] = MessageCompression.AcceptEncodingValue;
        if (_responseHeaders is not null)
        {
            CopyMetadata(_responseHeaders, response.Headers);
        }

        _headersWritten = true;
        if (start)
        {
            await response.StartAsync(CancellationToken).ConfigureAwait(false);
        }
    }

    private static void SetStatus(IHeaderDictionary headers, Status status)
    {
        headers[GrpcHeaderNames.Status] = StatusCodeText.Of(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            headers[GrpcHeaderNames.Message] = StatusMessageEncoding.Encode(status.Detail);
        }
    }

    private static void CopyMetadata(Metadata metadata, IHeaderDictionary headers)
    {
        foreach (var entry in metadata)
        {
            headers[entry.Key] = StringValues.Concat(headers[entry.Key], MetadataHeaders.ToHeaderValue(entry));
        }
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } => string.Create(CultureInfo.InvariantCulture, $"ipv4:{address.MapToIPv4()}:{port}"),
        { AddressFamily: AddressFamily.InterNetworkV6 } => string.Create(CultureInfo.InvariantCulture, $"ipv6:[{address}]:{port}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"ipv4:{address}:{port}"),
    };
}
