using System.Net;

namespace NordeaConnect.Client;

/// <summary>A successful answer from Nordea Connect: status, the JSON body, and the paging header of list calls.</summary>
public sealed class NordeaConnectResponse
{
    public NordeaConnectResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, ContentRange? contentRange, string correlationId)
    {
        StatusCode = statusCode;
        Body = body;
        ContentRange = contentRange;
        CorrelationId = correlationId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The UTF-8 JSON body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The parsed <c>Content-Range: items 16-20/173</c> header of a list call, when sent.</summary>
    public ContentRange? ContentRange { get; }

    /// <summary>The id this call was logged under.</summary>
    public string CorrelationId { get; }
}
