using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>Turns the client's exceptions into what results and journal entries carry.</summary>
internal static class UpstreamFailures
{
    public static UpstreamFailure? From(NordeaConnectException failure) =>
        failure.UpstreamError is null && failure.StatusCode is null
            ? null
            : new UpstreamFailure(failure.UpstreamError?.Name, failure.UpstreamError?.Code, failure.UpstreamError?.Description, (int?)failure.StatusCode);

    /// <summary>The client's messages name method, path, status and upstream error, never card data or secrets.</summary>
    public static string Describe(NordeaConnectException failure) => failure.Message;

    public static JournalOutcome Outcome(NordeaConnectException failure) => new()
    {
        Code = failure.ResultCode,
        Description = Describe(failure),
        UpstreamError = From(failure),
    };
}
