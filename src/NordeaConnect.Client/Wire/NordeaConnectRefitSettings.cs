using Refit;

namespace NordeaConnect.Client;

/// <summary>
/// How Refit builds and reads the wire calls: forms in the reference's text, JSON through
/// <see cref="NordeaConnectJsonContext"/>, and failures left to the call handler's typed exceptions. Refit's own
/// ApiException is never raised (it would hold the request, with its card data, in a public property).
/// </summary>
internal static class NordeaConnectRefitSettings
{
    public static RefitSettings Create(string basePath) => new()
    {
        FormUrlEncodedParameterFormatter = new UpstreamFormFormatter(),

        // The call handler has already thrown for every non-2xx answer; nothing is left for Refit to turn into an error.
        ExceptionFactory = static _ => ValueTask.FromResult<Exception?>(null),
        DeserializationExceptionFactory = (response, exception) =>
            new ValueTask<Exception?>(response.RequestMessage is { } request
                ? UpstreamFailureTranslator.Unreadable(UpstreamCall.Of(request, basePath), response.StatusCode, exception)
                : exception),

        // The call handler's typed exceptions (and a caller's cancellation) surface as they are, not wrapped.
        TransportExceptionFactory = static (_, exception, _) => exception,
    };
}
