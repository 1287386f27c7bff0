using System.Globalization;

namespace NordeaConnect.Grpc.Wire;

/// <summary>The <c>grpc-status</c> header value of a code, without formatting a number on every call.</summary>
internal static class StatusCodeText
{
    private static readonly string[] Known = Enumerable.Range(0, 17).Select(code => code.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string Of(StatusCode code) =>
        (uint)code < (uint)Known.Length ? Known[(int)code] : ((int)code).ToString(CultureInfo.InvariantCulture);
}
