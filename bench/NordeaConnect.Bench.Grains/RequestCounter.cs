namespace NordeaConnect.Bench.Grains;

/// <summary>Counts the requests the REST client really sends to the sandbox.</summary>
internal sealed class RequestCounter : DelegatingHandler
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        return base.SendAsync(request, cancellationToken);
    }
}
