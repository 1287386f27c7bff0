namespace NordeaConnect.Sandbox.Errors;

/// <summary>An error kept on a failed transaction, rendered in the locale of whoever reads it.</summary>
internal sealed record RecordedError(SandboxError Error, IReadOnlyList<string> Arguments, string? DescriptionOverride)
{
    public static RecordedError From(ApiException refused) => new(refused.Error, refused.Arguments, refused.DescriptionOverride);

    public ErrorResponse Render(ResponseLocale locale) => ErrorResponse.From(Error, locale, Arguments, DescriptionOverride);
}
