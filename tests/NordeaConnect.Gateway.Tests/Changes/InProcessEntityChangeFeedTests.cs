using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Tests.Changes;

public sealed class InProcessEntityChangeFeedTests
{
    private static readonly EntityKey Key = EntityKey.ForTransaction(7);

    [Fact]
    public async Task A_subscriber_receives_the_changes_of_its_entity_only_in_order()
    {
        var feed = new InProcessEntityChangeFeed();
        using var subscription = feed.Subscribe<string>(Key);

        feed.Publish(EntityKey.ForTransaction(8), 1, "other transaction");
        feed.Publish(EntityKey.ForSubscription(7), 1, "a subscription with the same id");
        feed.Publish(Key, 1, "first");
        feed.Publish(Key, 2, "second");

        var received = await Take(subscription, 2);
        Assert.Equal([(1L, "first"), (2L, "second")], received.Select(n => (n.Version, n.Snapshot)));
    }

    [Fact]
    public async Task A_slow_subscriber_loses_the_oldest_changes_never_the_latest()
    {
        var feed = new InProcessEntityChangeFeed();
        using var subscription = feed.Subscribe<string>(Key);

        for (var version = 1; version <= InProcessEntityChangeFeed.WatcherCapacity + 10; version++)
        {
            feed.Publish(Key, version, "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var received = await Take(subscription, InProcessEntityChangeFeed.WatcherCapacity);
        Assert.Equal(11, received[0].Version);
        Assert.Equal(InProcessEntityChangeFeed.WatcherCapacity + 10, received[^1].Version);
    }

    [Fact]
    public void Disposing_a_subscription_removes_it_and_publishing_without_watchers_is_free()
    {
        var feed = new InProcessEntityChangeFeed();
        var first = feed.Subscribe<string>(Key);
        var second = feed.Subscribe<string>(Key);
        Assert.Equal(2, feed.WatcherCount);

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, feed.WatcherCount);
        second.Dispose();
        Assert.Equal(0, feed.WatcherCount);

        feed.Publish(Key, 1, "nobody listens");
    }

    [Fact]
    public async Task Reading_ends_when_the_subscription_is_disposed()
    {
        var feed = new InProcessEntityChangeFeed();
        var subscription = feed.Subscribe<string>(Key);
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var notice in subscription.ReadAllAsync(CancellationToken.None))
            {
                count++;
            }

            return count;
        });

        feed.Publish(Key, 1, "one");
        subscription.Dispose();

        Assert.InRange(await reading.WaitAsync(TimeSpan.FromSeconds(10)), 0, 1);
    }

    private static async Task<List<EntityChangeNotice<string>>> Take(EntityChangeSubscription<string> subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<EntityChangeNotice<string>>();
        await foreach (var notice in subscription.ReadAllAsync(timeout.Token))
        {
            received.Add(notice);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }
}
