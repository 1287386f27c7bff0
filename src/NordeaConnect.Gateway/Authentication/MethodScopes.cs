using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using NordeaConnect.Grains.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// The one table of which scope each method needs. Every method of every façade service must be listed:
/// <see cref="EnsureCovers"/> runs at start-up, so a new rpc without a scope stops the host instead of going open.
/// </summary>
public static class MethodScopes
{
    private const string Package = "/nordeaconnect.grains.v1.";

    /// <summary>Services anyone may call without a token: load balancers probe health.</summary>
    public static readonly IReadOnlySet<string> OpenServices = new HashSet<string>(StringComparer.Ordinal) { "grpc.health.v1.Health" };

    private static readonly FrozenDictionary<string, AccessScopes> Required = new Dictionary<string, AccessScopes>(StringComparer.Ordinal)
    {
        [Package + "Transactions/Create"] = AccessScopes.Write,
        [Package + "Transactions/Get"] = AccessScopes.Read,
        [Package + "Transactions/List"] = AccessScopes.Read,
        [Package + "Transactions/Update"] = AccessScopes.Write,
        [Package + "Transactions/Capture"] = AccessScopes.Write,
        [Package + "Transactions/Refund"] = AccessScopes.Refund,
        [Package + "Transactions/ListRefunds"] = AccessScopes.Read,
        [Package + "Transactions/Watch"] = AccessScopes.Read,
        [Package + "Refunds/Get"] = AccessScopes.Read,
        [Package + "Refunds/List"] = AccessScopes.Read,
        [Package + "StoredCards/Get"] = AccessScopes.Read,
        [Package + "StoredCards/List"] = AccessScopes.Read,
        [Package + "StoredCards/UpdateStatus"] = AccessScopes.Write,
        [Package + "StoredCards/Delete"] = AccessScopes.Write,
        [Package + "StoredCards/Charge"] = AccessScopes.Write,
        [Package + "Plans/Create"] = AccessScopes.Write,
        [Package + "Plans/Get"] = AccessScopes.Read,
        [Package + "Plans/List"] = AccessScopes.Read,
        [Package + "Subscriptions/Get"] = AccessScopes.Read,
        [Package + "Subscriptions/List"] = AccessScopes.Read,
        [Package + "Subscriptions/Update"] = AccessScopes.Write,
        [Package + "Subscriptions/AddDebt"] = AccessScopes.Write,
        [Package + "Subscriptions/Watch"] = AccessScopes.Read,
        [Package + "Customers/Create"] = AccessScopes.Write,
        [Package + "Customers/Get"] = AccessScopes.Read,
        [Package + "Customers/List"] = AccessScopes.Read,
        [Package + "Customers/Update"] = AccessScopes.Write,
        [Package + "Customers/ListTransactions"] = AccessScopes.Read,
        [Package + "Customers/ListStoredCards"] = AccessScopes.Read,
        [Package + "Customers/ListSubscriptions"] = AccessScopes.Read,
        [Package + "WebhookTemplates/Create"] = AccessScopes.Admin,
        [Package + "WebhookTemplates/Get"] = AccessScopes.Admin,
        [Package + "WebhookTemplates/List"] = AccessScopes.Admin,
        [Package + "WebhookTemplates/Update"] = AccessScopes.Admin,
        [Package + "Webhooks/Get"] = AccessScopes.Read,
        [Package + "Webhooks/List"] = AccessScopes.Read,
        [Package + "Notifications/Subscribe"] = AccessScopes.Write,
        [Package + "Notifications/Unsubscribe"] = AccessScopes.Write,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The façade's services, in the order the host maps them.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        TransactionsReflection.Descriptor.Services[0],
        RefundsReflection.Descriptor.Services[0],
        StoredCardsReflection.Descriptor.Services[0],
        PlansReflection.Descriptor.Services[0],
        SubscriptionsReflection.Descriptor.Services[0],
        CustomersReflection.Descriptor.Services[0],
        WebhooksReflection.Descriptor.Services[0],
        WebhooksReflection.Descriptor.Services[1],
        NotificationsReflection.Descriptor.Services[0],
    ];

    /// <summary>The scope <paramref name="method"/> (<c>/package.Service/Method</c>) needs; null for an open service.</summary>
    /// <exception cref="InvalidOperationException">The method is in neither table; refusing is safer than guessing.</exception>
    public static AccessScopes? For(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var serviceName = method.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        if (OpenServices.Contains(serviceName))
        {
            return null;
        }

        return Required.TryGetValue(method, out var scope)
            ? scope
            : throw new InvalidOperationException($"Method {method} has no entry in MethodScopes; add one before serving it.");
    }

    /// <summary>Fails start-up when a method of <paramref name="services"/> has no scope.</summary>
    public static void EnsureCovers(IEnumerable<ServiceDescriptor> services)
    {
        var missing = services
            .SelectMany(s => s.Methods)
            .Select(m => "/" + m.Service.FullName + "/" + m.Name)
            .Where(path => !Required.ContainsKey(path))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException("These methods have no scope in MethodScopes: " + string.Join(", ", missing));
        }
    }
}
