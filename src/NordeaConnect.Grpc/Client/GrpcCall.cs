using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Client;

/// <summary>
/// One call over one HTTP/2 stream: sends the request, reads headers, messages and trailers, and turns every way a
/// call can end (status, deadline, cancellation, reset, lost connection) into a <see cref="Status"/>.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private const string UserAgent = "grpc-dotnet-nordeaconnect/1.0";

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callSource;
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpResponseMessage? _response;
    private MessageReader? _reader;
    private Status? _status;
    private Metadata _trailers = [];
    private bool _disposed;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _callSource = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        // Most callers never look at the headers; a failure recorded there must not surface as an unobserved task exception.
        _responseHeaders.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            _deadlineSource = new CancellationTokenSource();
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineSource.Cancel();
            }
            else if (remaining < TimeSpan.FromDays(49))
            {
                _deadlineSource.CancelAfter(remaining);
            }

            _deadlineSource.Token.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), _callSource);
        }
    }

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not completed yet; its status is not known.");

    public Metadata GetTrailers() => _status is not null ? _trailers : throw new InvalidOperationException("The call has not completed yet; its trailers are not known.");

    /// <summary>Sends the request and reads the response headers (or the whole Trailers-Only response).</summary>
    public async Task StartAsync(TRequest request)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            _callSource.Token.ThrowIfCancellationRequested();
            var size = request.CalculateSize();
            if (size > _channel.Options.MaxSendMessageSize)
            {
                throw new RpcException(new Status(
                    StatusCode.ResourceExhausted,
                    $"Request message of {size} bytes exceeds the maximum of {_channel.Options.MaxSendMessageSize} bytes."));
            }

            using var httpRequest = CreateRequest(request);
            _response = await _channel.HttpInvoker.SendAsync(httpRequest, _callSource.Token).ConfigureAwait(false);
            var headerStatus = ValidateHeaders(_response);
            _responseHeaders.TrySetResult(MetadataHeaders.FromHeaders(_response.Headers));
            if (headerStatus is { } trailersOnly)
            {
                _trailers = MetadataHeaders.FromHeaders(_response.Headers);
                Finish(trailersOnly);
                return;
            }

            var body = await _response.Content.ReadAsStreamAsync(_callSource.Token).ConfigureAwait(false);
            var encoding = _response.Headers.TryGetValues(GrpcHeaderNames.Encoding, out var values) ? values.FirstOrDefault() : null;
            _reader = new MessageReader(PipeReader.Create(body), encoding, _channel.Options.MaxReceiveMessageSize);
        }
        catch (Exception ex) when (ex is not RpcException || _status is null)
        {
            throw Fail(ex);
        }
    }

    /// <summary>The next response message, or null at the end of a successful call; throws <see cref="RpcException"/> otherwise.</summary>
    public async Task<TResponse?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        if (_status is { } finished)
        {
            return finished.StatusCode == StatusCode.OK ? default : throw new RpcException(finished, _trailers);
        }

        try
        {
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callSource.Token) : null;
            var bytes = await _reader!.ReadAsync(linked?.Token ?? _callSource.Token).ConfigureAwait(false);
            if (bytes is not null)
            {
                try
                {
                    return _method.ResponseParser.ParseFrom(bytes);
                }
                catch (InvalidProtocolBufferException)
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"Response message could not be decoded as {typeof(TResponse).Name}."));
                }
            }

            var headers = _response!.TrailingHeaders;
            _trailers = MetadataHeaders.FromHeaders(headers);
            var status = ResponseStatus.TryRead(headers) ?? new Status(StatusCode.Unknown, "The response ended without a grpc-status trailer.");
            Finish(status);
            return status.StatusCode == StatusCode.OK ? default : throw new RpcException(status, _trailers);
        }
        catch (Exception ex) when (ex is not RpcException || _status is null)
        {
            throw Fail(ex);
        }
    }

    /// <summary>Reads the single response of a unary call.</summary>
    public async Task<TResponse> ReadUnaryResponseAsync()
    {
        var response = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false);
        if (response is null)
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, "The server ended a unary call with OK but sent no response message.")));
        }

        if (await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message for a unary call.")));
        }

        return response;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_status is null)
        {
            // Disposing an unfinished call cancels it: the handler resets the stream with RST_STREAM(CANCEL).
            _status = new Status(StatusCode.Cancelled, "Call was disposed before it completed.");
            _callSource.Cancel();
        }

        _response?.Dispose();
        _deadlineSource?.Dispose();
        _callSource.Dispose();
        _responseHeaders.TrySetException(new RpcException(_status.Value));
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The deadline timer fired while the finished call was being disposed; nothing is left to cancel.
        }
    }

    private HttpRequestMessage CreateRequest(TRequest request)
    {
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var headers = httpRequest.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue(GrpcHeaderNames.TeTrailers));
        headers.TryAddWithoutValidation(GrpcHeaderNames.UserAgent, UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaderNames.AcceptEncoding, MessageCompression.AcceptEncodingValue);
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcHeaderNames.Timeout, GrpcTimeout.Format(deadline.ToUniversalTime() - DateTime.UtcNow));
        }

        foreach (var entry in _options.Headers ?? [])
        {
            MetadataHeaders.EnsureSendable(entry);
            headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }

        var content = new ByteArrayContent(LengthPrefixedMessage.ToArray(request.ToByteArray()));
        content.Headers.TryAddWithoutValidation(GrpcHeaderNames.ContentType, GrpcHeaderNames.GrpcContentType);
        httpRequest.Content = content;
        return httpRequest;
    }

    /// <summary>The Trailers-Only status when the headers carry one; throws for a response that is not gRPC.</summary>
    private static Status? ValidateHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(ResponseStatus.FromHttpStatus(response.StatusCode));
        }

        var status = ResponseStatus.TryRead(response.Headers);
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (status is null && !GrpcHeaderNames.IsGrpcContentType(contentType))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}' is not application/grpc."));
        }

        return status;
    }

    private void Finish(Status status)
    {
        _status ??= status;
        if (status.StatusCode != StatusCode.OK)
        {
            _responseHeaders.TrySetException(new RpcException(status, _trailers));
        }
    }

    /// <summary>Records how the call ended and returns the exception to throw for it.</summary>
    private RpcException Fail(Exception ex)
    {
        var status = ex switch
        {
            RpcException rpc => rpc.Status,
            _ when _deadlineSource?.IsCancellationRequested == true => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
            _ when _options.CancellationToken.IsCancellationRequested || _disposed => new Status(StatusCode.Cancelled, "Call cancelled by the client."),
            HttpProtocolException protocol => ResponseStatus.FromHttp2ErrorCode(protocol.ErrorCode),
            HttpRequestException request when request.InnerException is HttpProtocolException protocol => ResponseStatus.FromHttp2ErrorCode(protocol.ErrorCode),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, "Error talking to the server: " + ex.Message),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call cancelled."),
            // A local failure (bad metadata, a custom handler's error): its message is this process's own, so keep it.
            _ => new Status(StatusCode.Internal, $"Error starting or reading the call ({ex.GetType().Name}): {ex.Message}"),
        };
        if (_status is null)
        {
            _trailers = ex is RpcException { Trailers: var trailers } ? trailers : [];
            Finish(status);
            // Stop the stream now (RST_STREAM) rather than when the caller gets round to disposing the call.
            _response?.Dispose();
            if (!_callSource.IsCancellationRequested)
            {
                _callSource.Cancel();
            }
        }

        return new RpcException(_status!.Value, _trailers, ex);
    }
}
