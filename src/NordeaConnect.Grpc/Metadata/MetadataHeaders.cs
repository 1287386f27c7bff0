using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc;

/// <summary>Converts between metadata and HTTP/2 header fields (base64 for <c>-bin</c> keys).</summary>
internal static class MetadataHeaders
{
    /// <summary>
    /// Builds metadata from received header fields, skipping protocol headers. Repeated binary values may arrive
    /// joined by ',' and are split before decoding, as the spec requires.
    /// </summary>
    public static Metadata FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcHeaderNames.IsReserved(name))
            {
                continue;
            }

            var binary = MetadataEntry.IsBinaryKey(name);
            foreach (var value in values)
            {
                AddValue(metadata, name, value, binary);
            }
        }

        return metadata;
    }

    private static void AddValue(Metadata metadata, string name, string value, bool binary)
    {
        if (!MetadataEntry.IsValidKey(name))
        {
            // HTTP/2 allows header names gRPC metadata does not ('~', '!', ...); the spec says not to fail on what
            // HTTP accepts, and such a header cannot be metadata, so it is left out.
            return;
        }

        if (!binary)
        {
            metadata.Add(MetadataEntry.FromWire(name, value));
            return;
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            metadata.Add(new MetadataEntry(name, DecodeBase64(name, part)));
        }
    }

    /// <summary>Builds metadata from an ASP.NET Core request's headers, without the LINQ of the general overload.</summary>
    public static Metadata FromRequestHeaders(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcHeaderNames.IsReserved(name))
            {
                continue;
            }

            var binary = MetadataEntry.IsBinaryKey(name);
            foreach (var value in values)
            {
                AddValue(metadata, name, value ?? string.Empty, binary);
            }
        }

        return metadata;
    }

    /// <summary>The header value for an entry: text as is, bytes as unpadded base64 (the spec's preferred form).</summary>
    public static string ToHeaderValue(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Refuses metadata an application may not set, because the protocol owns those headers.</summary>
    public static void EnsureSendable(MetadataEntry entry)
    {
        if (GrpcHeaderNames.IsReserved(entry.Key))
        {
            throw new InvalidOperationException($"Metadata key '{entry.Key}' is reserved by the gRPC protocol and cannot be sent as metadata.");
        }
    }

    /// <summary>Decodes padded or unpadded base64 (both must be accepted).</summary>
    public static byte[] DecodeBase64(string key, string value)
    {
        var padding = value.Length % 4;
        var padded = padding == 0 ? value : value + new string('=', 4 - padding);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Metadata '{key}' is not valid base64."));
        }
    }
}
