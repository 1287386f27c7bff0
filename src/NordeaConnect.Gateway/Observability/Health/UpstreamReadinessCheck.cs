using System.Globalization;
using System.Net.Sockets;

namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>
/// Opens a TCP connection to the Nordea Connect host and closes it. Connecting is enough to know the upstream can
/// be reached; an authenticated request would cost the merchant an API call per probe and prove little more.
/// </summary>
public sealed class UpstreamReadinessCheck(Uri baseAddress) : IReadinessCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Uri _baseAddress = baseAddress ?? throw new ArgumentNullException(nameof(baseAddress));

    public string Name => "upstream";

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_baseAddress.Host, _baseAddress.Port, bounded.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Nordea Connect at " + _baseAddress.Host + " did not accept a connection within " + Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
        }
        catch (SocketException exception)
        {
            return "Nordea Connect at " + _baseAddress.Host + " is unreachable (" + exception.SocketErrorCode.ToString() + ")";
        }
    }
}
