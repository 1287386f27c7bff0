using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Plans</c>. Thread-safe; share one per channel.</summary>
public sealed class PlansClient : ClientBase
{
    private static readonly Method<CreatePlanRequest, PlanResponse> CreateMethod = Method.Create<CreatePlanRequest, PlanResponse>(PlansReflection.Descriptor.Services[0], "Create");

    private static readonly Method<GetPlanRequest, PlanResponse> GetMethod = Method.Create<GetPlanRequest, PlanResponse>(PlansReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListPlansRequest, ListPlansResponse> ListMethod = Method.Create<ListPlansRequest, ListPlansResponse>(PlansReflection.Descriptor.Services[0], "List");

    public PlansClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public PlansClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<PlanResponse> CreateAsync(CreatePlanRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CreateMethod, options, request);

    public AsyncUnaryCall<PlanResponse> CreateAsync(CreatePlanRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        CreateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<PlanResponse> GetAsync(GetPlanRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<PlanResponse> GetAsync(GetPlanRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListPlansResponse> ListAsync(ListPlansRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListPlansResponse> ListAsync(ListPlansRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
