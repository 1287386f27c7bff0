using System.Text.Json;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// A custom webhook attached to a transaction: <c>{"trigger":"payment_success","email":"me@x.se"}</c> or
/// <c>{"url":"https://...","trigger":"payment_success","http_method":"post","data_format":"form_data"}</c>, one or an array.
/// </summary>
internal sealed record WebhookRequest(string Trigger, string? Email, string? Url, string? HttpMethod, string? DataFormat)
{
    private static readonly string[] Methods = ["post", "get", "put", "patch", "delete"];
    private static readonly string[] Formats = ["json", "xml", "form_data"];

    public bool IsEmail => Email is not null;

    public static IReadOnlyList<WebhookRequest> ReadAll(JsonElement? webhooks)
    {
        if (webhooks is not { } value)
        {
            return [];
        }

        var elements = value.ValueKind switch
        {
            JsonValueKind.Object => [value],
            JsonValueKind.Array when value.GetArrayLength() <= 20 => value.EnumerateArray().ToArray(),
            _ => throw Invalid("expected a webhook object or an array of at most 20"),
        };
        return elements.Select(Read).ToArray();
    }

    private static WebhookRequest Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("each webhook must be an object");
        }

        var trigger = Text(element, "trigger");
        if (trigger is null || !WebhookTriggers.All.Contains(trigger))
        {
            throw Invalid("trigger must be one of " + string.Join(", ", WebhookTriggers.All));
        }

        var email = Text(element, "email");
        var url = Text(element, "url");
        if ((email is null) == (url is null))
        {
            throw Invalid("give either email or url");
        }

        if (email is not null)
        {
            return email.Contains('@', StringComparison.Ordinal) && email.Length <= 254
                ? new WebhookRequest(trigger, email, null, null, null)
                : throw Invalid("email is not an e-mail address");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https") || url!.Length > 2048)
        {
            throw Invalid("url must be an absolute http or https URL");
        }

        var method = (Text(element, "http_method") ?? "post").ToLowerInvariant();
        var format = (Text(element, "data_format") ?? "json").ToLowerInvariant();
        if (!Methods.Contains(method))
        {
            throw Invalid("http_method must be one of " + string.Join(", ", Methods));
        }

        if (!Formats.Contains(format))
        {
            throw Invalid("data_format must be one of " + string.Join(", ", Formats));
        }

        return new WebhookRequest(trigger, null, url, method, format);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ApiException Invalid(string problem) => new(SandboxErrors.ParameterInvalid, "webhooks", problem);
}
