namespace NordeaConnect.Gateway.Authentication;

/// <summary>What an access token allows. A token holds any combination.</summary>
[Flags]
public enum AccessScopes
{
    None = 0,

    /// <summary>Get, List, Watch.</summary>
    Read = 1,

    /// <summary>Create, Update, Capture, Charge, AddDebt, UpdateStatus, Delete.</summary>
    Write = 2,

    /// <summary>Refund: money leaves the merchant, so it is a scope of its own.</summary>
    Refund = 4,

    /// <summary>Merchant-wide settings: webhook templates.</summary>
    Admin = 8,
}

public static class AccessScopeNames
{
    public static readonly IReadOnlyList<(string Name, AccessScopes Scope)> All =
    [
        ("read", AccessScopes.Read),
        ("write", AccessScopes.Write),
        ("refund", AccessScopes.Refund),
        ("admin", AccessScopes.Admin),
    ];

    public static bool TryParse(string name, out AccessScopes scope)
    {
        foreach (var (known, value) in All)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                scope = value;
                return true;
            }
        }

        scope = AccessScopes.None;
        return false;
    }

    public static string Format(AccessScopes scopes) =>
        string.Join(' ', All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name));
}
