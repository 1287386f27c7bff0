namespace NordeaConnect.Client;

/// <summary>
/// Reads each attempt's answer in full inside the attempt (inside the resilience handler), so a connection that
/// drops in the middle of a body counts as a failed attempt: retried for a read, outcome-unknown for a payment.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
