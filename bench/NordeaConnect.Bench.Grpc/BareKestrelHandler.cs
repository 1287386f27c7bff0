using Microsoft.AspNetCore.Http;

namespace NordeaConnect.Bench.Grpc;

/// <summary>
/// The baseline: what any HTTP/2 server must do to answer a gRPC unary call with fixed bytes. It drains the
/// request and writes headers, the captured response frames and a grpc-status trailer; no parsing, no routing by
/// service, no deadline, no metadata. The layer's cost is whatever it adds on top of this.
/// </summary>
internal sealed class BareKestrelHandler(byte[] responseBody)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request.BodyReader;
        while (true)
        {
            var read = await request.ReadAsync(context.RequestAborted);
            request.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        var response = context.Response;
        response.ContentType = "application/grpc";
        await response.Body.WriteAsync(responseBody, context.RequestAborted);
        response.AppendTrailer("grpc-status", "0");
    }
}
