namespace NordeaConnect.Grains;

/// <summary>The grain storage provider the payment grains keep their state in (memory or PostgreSQL, chosen by the host).</summary>
public static class PaymentGrainsStorage
{
    public const string Name = "payments";
}
