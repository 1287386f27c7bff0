using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

/// <summary>A positional record with no parameterless constructor: State is null until first written.</summary>
public sealed record ProfileState(string Name, int Visits, ImmutableList<string> Tags);

[JsonSerializable(typeof(ProfileState))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;

public interface IProfileGrain : IGrainWithStringKey
{
    Task<ProfileState> VisitAsync(string tag);

    Task<ProfileState?> GetAsync();
}

/// <summary>Takes its state from IPersistentStateFactory with a source-generated JsonTypeInfo.</summary>
internal sealed class ProfileGrain : Grain, IProfileGrain
{
    private readonly IPersistentState<ProfileState> _profile;

    public ProfileGrain(IPersistentStateFactory states)
    {
        _profile = states.Create(this, "profile", ProfileJsonContext.Default.ProfileState);
    }

    public async Task<ProfileState> VisitAsync(string tag)
    {
        var current = _profile.RecordExists ? _profile.State : new ProfileState(this.GetPrimaryKeyString(), 0, []);
        _profile.State = current with { Visits = current.Visits + 1, Tags = current.Tags.Add(tag) };
        await _profile.WriteStateAsync();
        return _profile.State;
    }

    public Task<ProfileState?> GetAsync() => Task.FromResult(_profile.RecordExists ? _profile.State : null);
}
