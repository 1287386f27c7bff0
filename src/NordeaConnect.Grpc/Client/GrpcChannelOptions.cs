namespace NordeaConnect.Grpc.Client;

public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted; larger ones fail the call with RESOURCE_EXHAUSTED. 4 MiB by default.</summary>
    public int MaxReceiveMessageSize { get; set; } = Server.GrpcServerOptions.DefaultMaxMessageSize;

    /// <summary>Largest request message sent; a larger one fails the call with RESOURCE_EXHAUSTED before sending. 4 MiB by default.</summary>
    public int MaxSendMessageSize { get; set; } = Server.GrpcServerOptions.DefaultMaxMessageSize;

    /// <summary>
    /// The handler calls go through (e.g. one from IHttpClientFactory, or with a client certificate). When null the
    /// channel builds a <see cref="SocketsHttpHandler"/> that opens more HTTP/2 connections as streams fill up.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/>. The channel's own handler is always disposed.</summary>
    public bool DisposeHttpHandler { get; set; }
}
