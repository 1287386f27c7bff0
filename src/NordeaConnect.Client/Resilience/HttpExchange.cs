using System.Net;

namespace NordeaConnect.Client;

/// <summary>One attempt's answer, read in full inside the attempt so that a dropped body counts as a failed attempt.</summary>
internal sealed record HttpExchange(HttpStatusCode StatusCode, byte[] Body, string? ContentRange)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>Answers worth another attempt of a call that is safe to repeat.</summary>
    public bool IsTransientFailure => (int)StatusCode >= 500 || StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
