using System.Collections.Concurrent;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

/// <summary>A grain whose activation settles state, as a journal does, and must therefore hold the cross-node lock.</summary>
public interface IJournalingGrain : IGrainWithStringKey
{
    [ExclusiveTurn]
    Task HoldAsync(string entered, string release);

    Task PingAsync();
}

[ExclusiveActivation]
internal sealed class JournalingGrain : Grain, IJournalingGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Events = new();

    private ConcurrentQueue<string> Log => Events.GetOrAdd(this.GetPrimaryKeyString(), _ => new ConcurrentQueue<string>());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Log.Enqueue("activated");
        return Task.CompletedTask;
    }

    public async Task HoldAsync(string entered, string release)
    {
        Log.Enqueue("turn started");
        TestGates.Open(entered);
        await TestGates.WaitAsync(release);
        Log.Enqueue("turn ended");
    }

    public Task PingAsync() => Task.CompletedTask;
}
