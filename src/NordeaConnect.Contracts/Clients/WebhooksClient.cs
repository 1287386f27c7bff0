using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Webhooks</c>. Thread-safe; share one per channel.</summary>
public sealed class WebhooksClient : ClientBase
{
    private static readonly Method<GetWebhookRequest, WebhookResponse> GetMethod = Method.Create<GetWebhookRequest, WebhookResponse>(WebhooksReflection.Descriptor.Services[1], "Get");

    private static readonly Method<ListWebhooksRequest, ListWebhooksResponse> ListMethod = Method.Create<ListWebhooksRequest, ListWebhooksResponse>(WebhooksReflection.Descriptor.Services[1], "List");

    public WebhooksClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public WebhooksClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<WebhookResponse> GetAsync(GetWebhookRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<WebhookResponse> GetAsync(GetWebhookRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListWebhooksResponse> ListAsync(ListWebhooksRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListWebhooksResponse> ListAsync(ListWebhooksRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
