using Microsoft.Extensions.DependencyInjection;

namespace NordeaConnect.Grains.Runtime.Hosting;

internal sealed class GrainRuntimeBuilder(IServiceCollection services, GrainCatalog catalog) : IGrainRuntimeBuilder
{
    public IServiceCollection Services { get; } = services;

    public GrainCatalog Catalog { get; } = catalog;
}
