namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>Polls for a condition that another connection or thread brings about, failing after a generous deadline.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {seconds} s.");
            }

            await Task.Delay(5);
        }
    }

    public static async Task<T> EqualAsync<T>(T expected, Func<Task<T>> read, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (EqualityComparer<T>.Default.Equals(value, expected))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} to become {expected} after {seconds} s; last value {value}.");
            }

            await Task.Delay(5);
        }
    }
}
