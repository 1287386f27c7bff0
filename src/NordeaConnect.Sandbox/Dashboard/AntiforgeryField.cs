namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>The hidden form field a page renders so its POST passes antiforgery validation.</summary>
public sealed record AntiforgeryField(string FieldName, string Value);
