using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// Refuses request text that has no business going upstream: NUL and other control characters (tab, line feed and
/// carriage return excepted) and U+FFFD, which is what the protobuf runtime makes of invalid UTF-8, so bytes that
/// were not UTF-8 are refused rather than silently replaced. Every string of the request is checked, nested messages,
/// lists and maps included, and the refusal names the field (100.100.001).
/// </summary>
internal sealed class RequestTextInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Check(request as IMessage, string.Empty);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Check(request as IMessage, string.Empty);
        return continuation(request, responseStream, context);
    }

    internal static void Check(IMessage? message, string path)
    {
        if (message is null)
        {
            return;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap && value is System.Collections.IDictionary map)
            {
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    CheckValue(entry.Key, name + "[key]");
                    CheckValue(entry.Value, name + "[" + (entry.Key as string ?? "?") + "]");
                }
            }
            else if (field.IsRepeated && value is System.Collections.IEnumerable list && value is not string)
            {
                var index = 0;
                foreach (var item in list)
                {
                    CheckValue(item, name + "[" + index++ + "]");
                }
            }
            else
            {
                CheckValue(value, name);
            }
        }
    }

    private static void CheckValue(object? value, string name)
    {
        switch (value)
        {
            case string text:
                CheckText(text, name);
                break;
            case IMessage nested:
                Check(nested, name + ".");
                break;
        }
    }

    private static void CheckText(string text, string name)
    {
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{Shown(name)} is not valid UTF-8", Shown(name));
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw new GatewayRefusalException(
                    ResultCode.InvalidArgument,
                    $"{Shown(name)} holds the control character U+{(int)c:X4}; text fields take printable characters (tab and line breaks allowed)",
                    Shown(name));
            }
        }
    }

    private static string Shown(string name) => name.Length > 80 ? name[..80] + "…" : name;
}
