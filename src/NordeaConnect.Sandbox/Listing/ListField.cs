namespace NordeaConnect.Sandbox.Listing;

/// <summary>
/// One field a list can be filtered and ordered on. <see cref="Value"/> returns string, bool, long, decimal or
/// DateTimeOffset according to <see cref="Kind"/>, or null.
/// </summary>
internal sealed record ListField<T>(string Name, FieldKind Kind, Func<T, object?> Value);
