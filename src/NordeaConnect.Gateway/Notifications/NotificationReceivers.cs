using System.Diagnostics.CodeAnalysis;

namespace NordeaConnect.Gateway.Notifications;

/// <summary>What a caller may give as a notification_url.</summary>
public static class NotificationReceivers
{
    public const int MaxLength = 2048;

    /// <summary>An absolute http or https URL without credentials or fragment; otherwise false and why, naming the value's problem (not the value).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? receiver, [NotNullWhen(false)] out string? error)
    {
        receiver = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "notification_url is empty: give an absolute http or https URL, e.g. https://orders.internal/payments/notify";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"notification_url is longer than {MaxLength} characters";
            return false;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = "notification_url is not an absolute http or https URL, e.g. https://orders.internal/payments/notify";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            // Credentials would be stored and logged with the URL; a fragment never reaches the receiver.
            error = "notification_url must not contain user:password@ or a #fragment; authenticate with a token in the path or query instead";
            return false;
        }

        receiver = uri;
        error = null;
        return true;
    }
}
