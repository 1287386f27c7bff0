namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// One authorization policy per scope, named as the scope; each service method names its own with
/// <c>[Authorize(Policy = GatewayPolicies.Read)]</c>. A policy holds when the caller's token carries the scope.
/// </summary>
public static class GatewayPolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Refund = "refund";
    public const string Admin = "admin";

    /// <summary>The claim type that carries one scope of the authenticated token.</summary>
    public const string ScopeClaim = "scope";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Refund, Admin];
}
