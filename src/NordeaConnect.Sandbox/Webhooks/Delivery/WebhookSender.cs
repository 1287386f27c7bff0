using System.Text;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>The outcome of one HTTP attempt: the answer's status, reason and start of body, or why there was none.</summary>
internal readonly record struct WebhookSendResult(int? StatusCode, string? ReasonPhrase, string? ResponseBody, string? Error);

/// <summary>
/// Sends one webhook request to exactly the configured URL. Redirects are not followed (the reference: "Custom http
/// webhooks will not follow redirects"), so a 3xx is a failed attempt. GET and DELETE carry no body: form data goes
/// into the query string instead, JSON and XML are not sent.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookDeliveryOptions> options)
{
    public const string ClientName = "NordeaConnect.Sandbox.Webhooks";

    public async Task<WebhookSendResult> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var method = new HttpMethod(delivery.HttpMethod.ToUpperInvariant());
        var bodyless = method == HttpMethod.Get || method == HttpMethod.Delete;
        var url = delivery.Url!;
        if (bodyless && delivery.DataFormat == WebhookDataFormat.FormData && delivery.Body.Length > 0)
        {
            var builder = new UriBuilder(url);
            builder.Query = string.IsNullOrEmpty(builder.Query) ? delivery.Body : builder.Query.TrimStart('?') + "&" + delivery.Body;
            url = builder.Uri;
        }

        using var request = new HttpRequestMessage(method, url);
        if (!bodyless)
        {
            request.Content = new StringContent(delivery.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = WebhookPayloads.MediaType(delivery.DataFormat);
        }

        foreach (var (name, value) in delivery.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await ReadStartAsync(response.Content, settings.MaxRecordedResponseLength, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var error = status is >= 300 and < 400 && response.Headers.Location is not null
                ? "Redirect not followed (webhooks are sent only to the configured URL)."
                : null;
            return new WebhookSendResult(status, response.ReasonPhrase, body, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, null, null, "Timed out after " + settings.AttemptTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the failure (refused, reset, name not resolved), never the URL's query or credentials.
            return new WebhookSendResult(null, null, null, "Connection failed (" + exception.HttpRequestError + "): " + exception.Message);
        }
    }

    private static async Task<string> ReadStartAsync(HttpContent content, int maximumLength, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[maximumLength];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            return new string(buffer, 0, read);
        }
    }

    internal static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
