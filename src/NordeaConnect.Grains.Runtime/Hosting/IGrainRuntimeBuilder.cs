using Microsoft.Extensions.DependencyInjection;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Returned by <c>AddGrainRuntime</c>; grains and storage are added to it.</summary>
public interface IGrainRuntimeBuilder
{
    IServiceCollection Services { get; }
}
