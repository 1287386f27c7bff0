namespace NordeaConnect.Grains;

/// <summary>The upstream's error object <c>{name, code, description}</c> and the HTTP status it came with.</summary>
public sealed record UpstreamFailure(string? Name, int? Code, string? Description, int? HttpStatus);
