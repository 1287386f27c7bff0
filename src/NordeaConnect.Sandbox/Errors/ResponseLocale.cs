namespace NordeaConnect.Sandbox.Errors;

/// <summary>The languages the API answers errors in (<c>locale=en|sv</c>).</summary>
internal enum ResponseLocale
{
    English,
    Swedish,
}
