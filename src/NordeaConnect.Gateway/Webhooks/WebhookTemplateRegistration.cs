using Microsoft.Extensions.Options;
using NordeaConnect.Client;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// At start-up, makes sure upstream has one custom HTTP webhook template per configured trigger pointing at this
/// intake: lists the templates, creates only the missing ones (recognised by trigger and URL), so any number of
/// restarts or nodes end with one template each. Retries in the background while upstream is unreachable, so the
/// gateway starts regardless.
/// </summary>
public sealed partial class WebhookTemplateRegistration(
    INordeaConnectClient client,
    IOptions<NordeaConnectClientOptions> clientOptions,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider time,
    ILogger<WebhookTemplateRegistration> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of templates created once registration succeeded.</summary>
    public Task<int> Registered => _registered.Task;

    /// <summary>The Liquid body a template sends: only the id, under the kind's name, in the configured format.</summary>
    public static string BodyFor(string kind, string dataFormat) => dataFormat switch
    {
        "form_data" => "id={{ " + kind + ".id }}",
        "xml" => "<" + kind + "><id>{{ " + kind + ".id }}</id></" + kind + ">",
        _ => "{\"id\": {{ " + kind + ".id }}}",
    };

    /// <summary>Lists the templates and creates the missing ones; returns how many it created.</summary>
    public async Task<int> RegisterAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var existing = new HashSet<(string?, string?)>();
        await foreach (var template in client.WebhookTemplates.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            existing.Add((template.Trigger, template.Url));
        }

        var created = 0;
        foreach (var trigger in settings.Triggers)
        {
            var url = settings.UrlFor(trigger).AbsoluteUri;
            if (existing.Contains((trigger, url)))
            {
                continue;
            }

            await client.WebhookTemplates.CreateAsync(
                new WebhookTemplateOptions
                {
                    Type = WebhookTemplateTypes.CustomHttp,
                    Trigger = trigger,
                    MerchantId = clientOptions.Value.MerchantId,
                    Url = url,
                    HttpMethod = "POST",
                    DataFormat = settings.DataFormat,
                    Body = BodyFor(WebhookTriggers.KindByTrigger[trigger], settings.DataFormat),
                    CustomHeaders = settings.SharedSecret is null ? null : WebhookIntakeOptions.TokenHeader + "=" + settings.SharedSecret,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            created++;
        }

        return created;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Registration != WebhookRegistrationMode.Templates)
        {
            _registered.TrySetResult(0);
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var created = await RegisterAsync(stoppingToken).ConfigureAwait(false);
                LogRegistered(logger, created, options.Value.Triggers.Count);
                _registered.TrySetResult(created);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRetrying(logger, failure, delay.TotalSeconds);
            }

            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook templates registered: {Created} created, {Triggers} triggers covered")]
    private static partial void LogRegistered(ILogger logger, int created, int triggers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering webhook templates failed; retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception failure, double seconds);
}
