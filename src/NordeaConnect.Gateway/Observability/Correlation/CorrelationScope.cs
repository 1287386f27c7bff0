using System.Collections;

namespace NordeaConnect.Gateway.Observability.Correlation;

/// <summary>
/// The logging scope of a gRPC call: structured <c>CorrelationId</c> and <c>GrpcMethod</c> properties for JSON
/// and other structured sinks, and a short text for plain consoles.
/// </summary>
public sealed class CorrelationScope(string correlationId, string method) : IReadOnlyList<KeyValuePair<string, object>>
{
    public string CorrelationId { get; } = correlationId;

    public string Method { get; } = method;

    public int Count => 2;

    public KeyValuePair<string, object> this[int index] => index switch
    {
        0 => new KeyValuePair<string, object>("CorrelationId", CorrelationId),
        1 => new KeyValuePair<string, object>("GrpcMethod", Method),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A correlation scope has two properties."),
    };

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "Call " + Method + " (correlation " + CorrelationId + ")";
}
