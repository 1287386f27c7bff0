using System.Globalization;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>
/// One error the sandbox answers with: the reference's <c>{name, code, description}</c> with texts in both
/// languages the API speaks, and the HTTP status it travels with.
/// </summary>
internal sealed record SandboxError(int Code, string Name, string English, string Swedish, int HttpStatus)
{
    /// <summary>The description in the given locale, with <c>{0}</c>-style placeholders filled in.</summary>
    public string Describe(ResponseLocale locale, IReadOnlyList<string> arguments)
    {
        var text = locale == ResponseLocale.Swedish ? Swedish : English;
        return arguments.Count == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, [.. arguments]);
    }
}
