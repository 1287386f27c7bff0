namespace NordeaConnect.Client;

/// <summary>The card types the reference names (<c>card_type</c>).</summary>
public static class CardTypes
{
    /// <summary>A token payment with a stored card: the token goes in <c>card_number</c>.</summary>
    public const string StoredCard = "stored_card";
    public const string Visa = "visa";
    public const string MasterCard = "mastercard";
    public const string Maestro = "maestro";
    public const string Electron = "electron";
    public const string DebitMasterCard = "debit_mastercard";
    public const string VisaDebit = "visa_debit";
    public const string Amex = "amex";
    public const string Diners = "diners";
    public const string UkMaestro = "uk_maestro";
}
