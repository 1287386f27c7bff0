using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Tests;

internal interface IInternalGrain : IGrainWithIntegerKey
{
    Task<long> KeyAsync();

    Task MarkedOnClassAsync();

    [ExclusiveTurn]
    Task MarkedOnInterfaceAsync();
}

internal sealed class InternalGrain : Grain, IInternalGrain
{
    public Task<long> KeyAsync() => Task.FromResult(this.GetPrimaryKeyLong());

    [ExclusiveTurn]
    public Task MarkedOnClassAsync() => Task.CompletedTask;

    public Task MarkedOnInterfaceAsync() => Task.CompletedTask;
}

public sealed class DescriptionTests
{
    [Fact]
    public void Exclusive_turn_is_read_from_the_interface_method_or_the_grain_class_method()
    {
        var registration = new GrainRegistration(typeof(IInternalGrain), typeof(InternalGrain), "internal");

        var exclusive = registration.Methods.ToDictionary(m => m.InterfaceMethod.Name, m => m.IsExclusive);

        Assert.False(exclusive[nameof(IInternalGrain.KeyAsync)]);
        Assert.True(exclusive[nameof(IInternalGrain.MarkedOnClassAsync)]);
        Assert.True(exclusive[nameof(IInternalGrain.MarkedOnInterfaceAsync)]);
    }

    [Fact]
    public async Task Internal_grain_interfaces_are_callable()
    {
        await using var services = new ServiceCollection().AddGrainRuntime().AddGrain<IInternalGrain, InternalGrain>().Services.BuildServiceProvider();

        Assert.Equal(long.MinValue, await services.GetRequiredService<IGrainFactory>().GetGrain<IInternalGrain>(long.MinValue).KeyAsync());
    }

    [Fact]
    public void Grain_type_defaults_to_the_class_name_and_follows_the_attribute()
    {
        Assert.Equal("InternalGrain", GrainRegistration.GrainTypeOf(typeof(InternalGrain)));
        Assert.Equal("counter", GrainRegistration.GrainTypeOf(typeof(Grains.CounterGrain)));
    }
}
