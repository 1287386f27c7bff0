using NordeaConnect.Gateway.Mapping;

namespace NordeaConnect.Gateway.Tests.Mapping;

public sealed class TimestampsTests
{
    [Fact]
    public void Instants_become_utc_timestamps_and_back()
    {
        var instant = new DateTimeOffset(2018, 9, 30, 10, 48, 21, TimeSpan.FromHours(2));
        var timestamp = Timestamps.From(instant);
        Assert.NotNull(timestamp);
        Assert.Equal(new DateTimeOffset(2018, 9, 30, 8, 48, 21, TimeSpan.Zero).ToUnixTimeSeconds(), timestamp.Seconds);
        Assert.Equal(instant, Timestamps.To(timestamp));
    }

    [Fact]
    public void Unset_stays_unset()
    {
        Assert.Null(Timestamps.From(null));
        Assert.Null(Timestamps.To(null));
    }
}
