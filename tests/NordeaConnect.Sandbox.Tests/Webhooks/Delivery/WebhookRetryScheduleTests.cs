using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Tests.Webhooks.Delivery;

public sealed class WebhookRetryScheduleTests
{
    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 16)]
    [InlineData(2, 31)]
    [InlineData(3, 96)]
    [InlineData(4, 271)]
    public void Without_the_random_part_the_delays_are_the_references_15_16_31_96_271(int retryCount, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookRetrySchedule.DelayBefore(retryCount, randomDraw: 0));

    [Theory]
    [InlineData(0, 29, 15 + 29)]
    [InlineData(3, 10, 81 + 15 + 40)]
    [InlineData(19, 29, 130321 + 15 + 580)]
    public void The_random_part_is_multiplied_by_retry_count_plus_one(int retryCount, int draw, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookRetrySchedule.DelayBefore(retryCount, draw));

    [Fact]
    public void Draws_and_counts_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetrySchedule.DelayBefore(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetrySchedule.DelayBefore(0, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetrySchedule.DelayBefore(0, -1));
    }

    [Fact]
    public void A_seeded_source_gives_the_same_schedule_every_time()
    {
        static TimeSpan[] Schedule(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 20).Select(k => WebhookRetrySchedule.DelayBefore(k, random))];
        }

        Assert.Equal(Schedule(3), Schedule(3));
        Assert.All(Schedule(3).Select((delay, k) => (delay, k)), pair =>
            Assert.InRange(pair.delay.TotalSeconds, Math.Pow(pair.k, 4) + 15, Math.Pow(pair.k, 4) + 15 + (29 * (pair.k + 1))));
    }
}
