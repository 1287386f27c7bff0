using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Observability.Logging;

namespace NordeaConnect.Gateway.Tests.Observability;

public sealed class GatewayLoggingTests
{
    [Theory]
    [InlineData(null, ConsoleFormatterNames.Simple)]
    [InlineData("simple", ConsoleFormatterNames.Simple)]
    [InlineData("JSON", ConsoleFormatterNames.Json)]
    public void The_console_format_follows_the_setting(string? format, string formatter)
    {
        using var provider = Services(new() { [GatewayLogging.FormatKey] = format });

        var options = provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(formatter, options.FormatterName);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_choices()
    {
        var refused = Assert.Throws<GatewayConfigurationException>(() => Services(new() { [GatewayLogging.FormatKey] = "xml" }));

        Assert.Contains("use simple (the default) or json", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_request_categories_stay_at_warning_unless_configured()
    {
        using var provider = Services(new() { ["Logging:LogLevel:Grpc"] = "Debug" });
        var factory = provider.GetRequiredService<ILoggerFactory>();

        Assert.False(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("System.Net.Http.HttpClient.NordeaConnect.LogicalHandler").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("NordeaConnect.Gateway.Webhooks.WebhookIntake").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Every_line_has_the_trace_id_and_the_correlation_id_in_its_scope()
    {
        var lines = new ScopeRecorder();
        using var provider = Services(new(), logging => logging.AddProvider(lines));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("NordeaConnect.Test");
        using var source = new ActivitySource("NordeaConnect.Test.Logging");
        using var listener = new ActivityListener { ShouldListenTo = s => s == source, Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);

        using (var call = source.StartActivity("call")!)
        {
            call.SetBaggage(CallCorrelation.ActivityKey, "order-7");
            using var grainTurn = source.StartActivity("grain turn")!;
            logger.LogWarning("Something went wrong");
            Assert.Equal(grainTurn.TraceId.ToHexString(), lines.Scope["TraceId"]);
        }

        Assert.Equal("order-7", lines.Scope[CallCorrelation.ActivityKey]);
        Assert.True(lines.Scope.ContainsKey("SpanId"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<ILoggingBuilder>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddGatewayLogging(configuration);
            more?.Invoke(logging);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A logger provider that keeps the scope properties of the last line written.</summary>
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider? _scopes;

        public Dictionary<string, string?> Scope { get; } = new(StringComparer.Ordinal);

        public ILogger CreateLogger(string categoryName) => this;

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Scope.Clear();
            _scopes?.ForEachScope(
                static (scope, into) =>
                {
                    // Activity ids come as object values, the trace's baggage as string values.
                    if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
                    {
                        foreach (var (key, value) in properties)
                        {
                            into[key] = value?.ToString();
                        }
                    }
                    else if (scope is IEnumerable<KeyValuePair<string, string?>> baggage)
                    {
                        foreach (var (key, value) in baggage)
                        {
                            into[key] = value;
                        }
                    }
                },
                Scope);
        }

        public void Dispose()
        {
        }
    }
}
