namespace NordeaConnect.Primitives;

/// <summary>One row of the reference's error table and what the gateway answers for it.</summary>
/// <param name="Code">The numeric error code (<c>code</c> in the error object).</param>
/// <param name="Name">The technical error code (<c>name</c> in the error object), e.g. <c>errors.card_number.missing</c>.</param>
/// <param name="Description">The English description from the reference.</param>
/// <param name="ResultCode">The result code the gateway answers with.</param>
/// <param name="GrpcStatus">The gRPC status the gateway answers with.</param>
public sealed record UpstreamError(int Code, string Name, string Description, ResultCode ResultCode, GrpcStatusCode GrpcStatus);
