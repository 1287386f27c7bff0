using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Notifications.Dispatch;

/// <summary>POSTs one notification: the change's JSON, UTF-8, never following redirects, bounded by the attempt timeout.</summary>
public sealed class NotificationSender : IDisposable
{
    public const string EntityHeader = "NC-Entity";
    public const string VersionHeader = "NC-Entity-Version";
    public const string DeliveryHeader = "NC-Delivery-Id";

    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public NotificationSender(NotificationOptions options, NotificationTargetGuard? guard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeout = options.AttemptTimeout;
        // A redirect could point a notification anywhere; receivers give their final URL.
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = guard is null ? null : guard.ConnectAsync, // re-checks the address it connects to (DNS rebinding)
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Null when the receiver answered 2xx; otherwise what went wrong, for the delivery's record.</summary>
    public async Task<string?> SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Receiver)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.MessageJson)),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation(EntityHeader, delivery.Key.ToString());
        request.Headers.TryAddWithoutValidation(VersionHeader, delivery.Version.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalSeconds} s");
        }
        catch (HttpRequestException failure)
        {
            return "connection failed: " + failure.Message;
        }
    }

    public void Dispose() => _http.Dispose();
}
