namespace NordeaConnect.Sandbox.Errors;

/// <summary>
/// Refuses a request with an error object. Thrown only before anything is stored, so a refused request
/// never changes state; the error filter turns it into the HTTP answer.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(SandboxError error, params string[] arguments)
        : base(error.Name)
    {
        Error = error;
        Arguments = arguments;
    }

    public SandboxError Error { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>A description that replaces the table's text in every locale (simulated decline messages).</summary>
    public string? DescriptionOverride { get; init; }

    public int HttpStatus => Error.HttpStatus;
}
