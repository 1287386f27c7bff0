using System.Collections;
using System.Collections.Concurrent;
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
/// lists and maps included, and the refusal names the field (100.100.001). Which fields can hold text is worked out
/// once per message type, so a request without text (a Get by id) costs one dictionary lookup, and field names are
/// only put together for a refusal.
/// </summary>
internal sealed class RequestTextInterceptor : Interceptor
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> TextFieldsByType = new();

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

        foreach (var field in TextFieldsByType.GetOrAdd(message.Descriptor, TextFields))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap && value is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                {
                    CheckValue(entry.Key, path, field, "key");
                    CheckValue(entry.Value, path, field, entry.Key as string ?? "?");
                }
            }
            else if (field.IsRepeated && value is IList list)
            {
                for (var index = 0; index < list.Count; index++)
                {
                    CheckValue(list[index], path, field, index);
                }
            }
            else
            {
                CheckValue(value, path, field, key: null);
            }
        }
    }

    /// <summary>The fields of <paramref name="type"/> that hold text themselves or through nested messages, lists or maps.</summary>
    private static FieldDescriptor[] TextFields(MessageDescriptor type) =>
        type.Fields.InFieldNumberOrder().Where(f => MayHoldText(f, [type])).ToArray();

    private static bool MayHoldText(FieldDescriptor field, HashSet<MessageDescriptor> visiting)
    {
        if (field.FieldType == FieldType.String)
        {
            return true;
        }

        if (field.FieldType != FieldType.Message)
        {
            return false;
        }

        // A type already on the way down (google.protobuf.Struct and Value nest each other) is checked, to be safe.
        if (!visiting.Add(field.MessageType))
        {
            return true;
        }

        try
        {
            return field.MessageType.Fields.InFieldNumberOrder().Any(f => MayHoldText(f, visiting));
        }
        finally
        {
            visiting.Remove(field.MessageType);
        }
    }

    private static void CheckValue(object? value, string path, FieldDescriptor field, object? key)
    {
        switch (value)
        {
            case string text:
                CheckText(text, path, field, key);
                break;
            case IMessage nested:
                Check(nested, Name(path, field, key) + ".");
                break;
        }
    }

    private static void CheckText(string text, string path, FieldDescriptor field, object? key)
    {
        // Nothing below U+0020 but tab, LF, CR; nothing in U+007F..U+009F; no U+FFFD.
        var span = text.AsSpan();
        var at = span.IndexOfAnyInRange('\0', '\u001f');
        while (at >= 0 && span[at] is '\t' or '\n' or '\r')
        {
            var next = span[(at + 1)..].IndexOfAnyInRange('\0', '\u001f');
            at = next < 0 ? -1 : at + 1 + next;
        }

        if (at < 0)
        {
            at = span.IndexOfAnyInRange('\u007f', '\u009f');
        }

        if (at >= 0)
        {
            var shown = Shown(Name(path, field, key));
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                $"{shown} holds the control character U+{(int)span[at]:X4}; text fields take printable characters (tab and line breaks allowed)",
                shown);
        }

        if (span.Contains('\uFFFD'))
        {
            var shown = Shown(Name(path, field, key));
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{shown} is not valid UTF-8", shown);
        }
    }

    /// <summary>The field's name as a refusal shows it: <c>path.field</c>, <c>field[3]</c>, <c>field[key]</c>.</summary>
    private static string Name(string path, FieldDescriptor field, object? key) => key switch
    {
        null => path + field.Name,
        int index => path + field.Name + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
        _ => path + field.Name + "[" + key + "]",
    };

    private static string Shown(string name) => name.Length > 80 ? name[..80] + "…" : name;
}
