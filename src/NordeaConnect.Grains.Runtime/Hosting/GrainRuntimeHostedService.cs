using Microsoft.Extensions.Hosting;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.Hosting;

/// <summary>Prepares storage at start-up (migrations, change listener) and deactivates every grain at shutdown.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime, IGrainStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
