using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.WebhookTemplates</c>. Thread-safe; share one per channel.</summary>
public sealed class WebhookTemplatesClient : ClientBase
{
    private static readonly Method<CreateWebhookTemplateRequest, WebhookTemplateResponse> CreateMethod = Method.Create<CreateWebhookTemplateRequest, WebhookTemplateResponse>(WebhooksReflection.Descriptor.Services[0], "Create");

    private static readonly Method<GetWebhookTemplateRequest, WebhookTemplateResponse> GetMethod = Method.Create<GetWebhookTemplateRequest, WebhookTemplateResponse>(WebhooksReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListWebhookTemplatesRequest, ListWebhookTemplatesResponse> ListMethod = Method.Create<ListWebhookTemplatesRequest, ListWebhookTemplatesResponse>(WebhooksReflection.Descriptor.Services[0], "List");

    private static readonly Method<UpdateWebhookTemplateRequest, WebhookTemplateResponse> UpdateMethod = Method.Create<UpdateWebhookTemplateRequest, WebhookTemplateResponse>(WebhooksReflection.Descriptor.Services[0], "Update");

    public WebhookTemplatesClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public WebhookTemplatesClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<WebhookTemplateResponse> CreateAsync(CreateWebhookTemplateRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CreateMethod, options, request);

    public AsyncUnaryCall<WebhookTemplateResponse> CreateAsync(CreateWebhookTemplateRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        CreateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<WebhookTemplateResponse> GetAsync(GetWebhookTemplateRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<WebhookTemplateResponse> GetAsync(GetWebhookTemplateRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListWebhookTemplatesResponse> ListAsync(ListWebhookTemplatesRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListWebhookTemplatesResponse> ListAsync(ListWebhookTemplatesRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<WebhookTemplateResponse> UpdateAsync(UpdateWebhookTemplateRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UpdateMethod, options, request);

    public AsyncUnaryCall<WebhookTemplateResponse> UpdateAsync(UpdateWebhookTemplateRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
