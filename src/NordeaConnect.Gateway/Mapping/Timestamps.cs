using Google.Protobuf.WellKnownTypes;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Upstream instants as <c>google.protobuf.Timestamp</c> (always UTC); unset stays unset.</summary>
public static class Timestamps
{
    public static Timestamp? From(DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static DateTimeOffset? To(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();
}
