using System.Collections.Concurrent;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

/// <summary>A Watch call's response stream that keeps what was written.</summary>
internal sealed class RecordingStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly ConcurrentQueue<T> _written = new();
    private TaskCompletionSource _wrote = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Written => _written.ToArray();

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        _written.Enqueue(message);
        Interlocked.Exchange(ref _wrote, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(Func<IReadOnlyList<T>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var wrote = Volatile.Read(ref _wrote).Task;
            if (condition(Written))
            {
                return;
            }

            await wrote.WaitAsync(timeout.Token);
        }
    }
}
