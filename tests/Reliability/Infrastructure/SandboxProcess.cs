using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// The sandbox as its own process on 127.0.0.1: the upstream the gateway calls, its fault injection
/// (<c>/_sandbox/faults</c>) and its own ledger, read back over its API as merchant 3.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    public const string MerchantId = "3";
    public const string ApiPassword = "rel-api-pw-Q7x2Vb9";
    public const string HashSecret = "rel-hash-secret-K4m8Zt";

    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    private SandboxProcess(ServiceProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(MerchantId + ":" + ApiPassword)));
    }

    public Uri BaseAddress { get; }

    public static async Task<SandboxProcess> StartAsync()
    {
        var port = FreePorts.Next();
        var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        var process = ServiceProcess.Start("sandbox", BuiltAssemblies.Sandbox, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Sandbox__Merchants__0__Id"] = MerchantId,
            ["Sandbox__Merchants__0__Password"] = ApiPassword,
            ["Sandbox__Merchants__0__HashSecret"] = HashSecret,
        }, "--urls", url);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        return new SandboxProcess(process, new Uri(url + "/"));
    }

    public string Output => _process.Output;

    /// <summary>Adds a fault rule (JSON as <c>POST /_sandbox/faults</c> takes it).</summary>
    public async Task AddFaultAsync(object rule)
    {
        using var response = await _http.PostAsJsonAsync("_sandbox/faults", rule);
        Assert.True(response.IsSuccessStatusCode, "adding a fault answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _http.DeleteAsync("_sandbox/faults");
        Assert.True(response.IsSuccessStatusCode, "clearing faults answered " + (int)response.StatusCode);
    }

    /// <summary>Every refund the sandbox booked against <paramref name="transactionId"/>.</summary>
    public async Task<IReadOnlyList<LedgerRefund>> RefundsOfAsync(long transactionId)
    {
        var json = await _http.GetStringAsync("v1/refunds?limit=1000&filter[transaction_id]=" + transactionId.ToString(CultureInfo.InvariantCulture));
        return JsonNode.Parse(json)!.AsArray()
            .Select(node => new LedgerRefund(
                node!["id"]!.GetValue<long>(),
                decimal.Parse(node["amount"]!.ToJsonString().Trim('"'), NumberStyles.Number, CultureInfo.InvariantCulture),
                node["status"]?.GetValue<string>() ?? string.Empty))
            .ToArray();
    }

    /// <summary>Every transaction the sandbox booked for the merchant: its ledger of payments.</summary>
    public async Task<IReadOnlyList<LedgerTransaction>> TransactionsAsync()
    {
        var json = await _http.GetStringAsync("v1/transactions?limit=100000");
        return JsonNode.Parse(json)!.AsArray()
            .Select(node => new LedgerTransaction(node!["id"]!.GetValue<long>(), node["payment_ref"]?.GetValue<string>() ?? string.Empty))
            .ToArray();
    }

    /// <summary>The sandbox's view of a transaction (status, amounts), as JSON.</summary>
    public async Task<JsonElement> TransactionAsync(long transactionId) =>
        JsonDocument.Parse(await _http.GetStringAsync("v1/transactions/" + transactionId.ToString(CultureInfo.InvariantCulture))).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}

internal sealed record LedgerRefund(long Id, decimal Amount, string Status);

internal sealed record LedgerTransaction(long Id, string PaymentRef);
