namespace NordeaConnect.Sandbox.WebhookTemplates;

/// <summary>A merchant's webhook template: fires on its trigger for every matching event.</summary>
internal sealed record WebhookTemplateRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Url { get; init; }

    public required string Trigger { get; init; }

    /// <summary>custom_http, email or receipt.</summary>
    public required string Type { get; init; }

    public string? Email { get; init; }

    public string? HttpMethod { get; init; }

    public string? DataFormat { get; init; }

    public required string Body { get; init; }

    public string? CustomHeaders { get; init; }

    public string? Sender { get; init; }
}
