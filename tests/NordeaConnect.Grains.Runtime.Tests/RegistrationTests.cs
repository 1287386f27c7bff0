using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.Tests.Grains;

namespace NordeaConnect.Grains.Runtime.Tests;

public interface IBadReturnGrain : IGrainWithStringKey
{
    int Count();
}

public interface IBadTokenGrain : IGrainWithStringKey
{
    Task RunAsync(CancellationToken cancellationToken, int value);
}

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}

public interface IUnkeyedGrain : IGrain
{
    Task PingAsync();
}

internal sealed class BadReturnGrain : Grain, IBadReturnGrain
{
    public int Count() => 0;
}

internal sealed class BadTokenGrain : Grain, IBadTokenGrain
{
    public Task RunAsync(CancellationToken cancellationToken, int value) => Task.CompletedTask;
}

internal sealed class UnkeyedGrain : Grain, IUnkeyedGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

public interface IMissingServiceGrain : IGrainWithStringKey
{
    Task PingAsync();
}

internal sealed class MissingServiceGrain(IServiceProvider unused, IComparer<Guid> notRegistered) : Grain, IMissingServiceGrain
{
    public Task PingAsync() => Task.FromResult((unused, notRegistered));
}

public sealed class RegistrationTests
{
    [Fact]
    public void Method_that_does_not_return_a_task_is_refused_at_registration_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddGrainRuntime().AddGrain<IBadReturnGrain, BadReturnGrain>());

        Assert.Contains("IBadReturnGrain.Count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_token_that_is_not_last_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddGrainRuntime().AddGrain<IBadTokenGrain, BadTokenGrain>());

        Assert.Contains("IBadTokenGrain.RunAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_without_a_key_kind_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddGrainRuntime().AddGrain<IUnkeyedGrain, UnkeyedGrain>());

        Assert.Contains("IGrainWithStringKey or IGrainWithIntegerKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregistered_interface_is_refused_with_the_fix_named()
    {
        await using var services = new ServiceCollection().AddGrainRuntime().AddGrain<ICallerGrain, CallerGrain>().Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IGrainFactory>().GetGrain<IUnregisteredGrain>("x"));

        Assert.Contains("AddGrain<IUnregisteredGrain, TGrain>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_constructor_service_fails_the_call_naming_parameter_and_type()
    {
        await using var services = new ServiceCollection().AddGrainRuntime().AddGrain<IMissingServiceGrain, MissingServiceGrain>().Services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IGrainFactory>().GetGrain<IMissingServiceGrain>("x").PingAsync());

        Assert.Contains("'notRegistered'", error.Message, StringComparison.Ordinal);
        Assert.Contains("IComparer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_option()
    {
        var services = new ServiceCollection().AddGrainRuntime(o => o.TurnTimeout = TimeSpan.Zero).Services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => services.GetRequiredService<IGrainFactory>());

        Assert.Equal("TurnTimeout", error.ParamName);
    }

    [Fact]
    public void Invalid_postgres_schema_is_refused_naming_the_rule()
    {
        var services = new ServiceCollection().AddGrainRuntime().UsePostgresGrainStorage("Host=127.0.0.1", o => o.Schema = "Robert'); drop table").Services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => services.GetRequiredService<IGrainFactory>());

        Assert.Contains("not a valid schema name", error.Message, StringComparison.Ordinal);
    }
}
