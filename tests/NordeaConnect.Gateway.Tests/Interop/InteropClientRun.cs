using System.Diagnostics;
using NordeaConnect.Grains.V1;
using NordeaConnect.Tests.Interop;

namespace NordeaConnect.Gateway.Tests.Interop;

/// <summary>Runs one of the scripts in tests/interop/gateway against the gateway and collects its PASS/FAIL lines.</summary>
internal sealed record InteropClientRun(int ExitCode, IReadOnlyList<string> Lines, string Error)
{
    public static readonly string[] Scenarios =
    [
        "transactions_create_get_list",
        "transactions_update_capture_refund",
        "watch_streams_changes",
        "watch_deadline_exceeded",
        "watch_cancelled",
        "errors_are_trailers_only_with_the_result",
        "status_details_are_google_rpc_status",
        "auth_failures",
        "plans_customers_stored_cards_subscriptions",
        "webhook_templates_and_webhooks",
        "notifications_subscribe",
    ];

    public static string InteropDirectory => InteropPaths.InteropDirectory;

    public static async Task<InteropClientRun> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(InteropDirectory, "gateway"),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than two minutes.\n{await output}\n{await error}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new InteropClientRun(process.ExitCode, lines, await error);
    }

    /// <summary>The façade's protos and their imports (Struct, Timestamp, health) as a FileDescriptorSet, imports first.</summary>
    public static string WriteDescriptorSet() => InteropPaths.WriteDescriptorSet(
        TransactionsReflection.Descriptor, RefundsReflection.Descriptor, StoredCardsReflection.Descriptor, PlansReflection.Descriptor,
        SubscriptionsReflection.Descriptor, CustomersReflection.Descriptor, WebhooksReflection.Descriptor, NotificationsReflection.Descriptor,
        global::Grpc.Health.V1.HealthReflection.Descriptor, global::Google.Rpc.StatusReflection.Descriptor, global::Google.Rpc.ErrorDetailsReflection.Descriptor);

    /// <summary>Every scenario passed, each failure shown with its reason otherwise.</summary>
    public void AssertEveryScenarioPassed()
    {
        var failures = Lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToArray();
        Assert.True(failures.Length == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + Error);
        foreach (var scenario in Scenarios)
        {
            Assert.Contains("PASS " + scenario, Lines);
        }

        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
    }
}
