namespace NordeaConnect.Grains;

/// <summary>The upstream's error object <c>{name, code, description}</c> and the HTTP status it came with.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.UpstreamFailure")]
public sealed record UpstreamFailure([property: Id(0)] string? Name, [property: Id(1)] int? Code, [property: Id(2)] string? Description, [property: Id(3)] int? HttpStatus);
