using System.Collections.Frozen;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>
/// Swedish descriptions for rows of the reference's error table (<c>locale=sv</c>). The reference gives only
/// English; rows without a translation here answer in English in both locales (listed in the README).
/// </summary>
internal static class SwedishErrorTexts
{
    private static readonly FrozenDictionary<int, string> Texts = new Dictionary<int, string>
    {
        [1] = "Kreditkort saknas",
        [2] = "Kreditkortsuppgifter saknas",
        [3] = "Terminal-ID är ogiltigt",
        [4] = "Leverantörsreferensen är redan behandlad",
        [209] = "Land saknas",
        [211] = "Personnummerfel – personnummer saknas eller har fel format",
        [212] = "Förnamnsfel – förnamn saknas eller är för långt",
        [213] = "Efternamnsfel – efternamn saknas eller är för långt",
        [214] = "E-postfel – ogiltigt e-postformat",
        [215] = "Mobilnummerfel – mobilnummer saknas eller innehåller ogiltiga tecken",
        [216] = "Adressrad 1-fel – adress saknas eller adressrad 1 är för lång",
        [217] = "Adressrad 2-fel – adressrad 2 är för lång",
        [218] = "Ortsfel – ort saknas eller är för lång",
        [219] = "Postnummerfel – postnummer saknas eller är för långt",
        [220] = "Landskodsfel – landskod saknas eller är ogiltig",
        [221] = "Beloppsfel – belopp saknas eller har ogiltigt värde",
        [222] = "Transaktions-id-fel – värdet är för långt",
        [223] = "Personnummer måste anges",
        [224] = "Kreditgodkännandet misslyckades",
        [225] = "Kreditupplysning (personnumret hittades inte)",
        [226] = "Krediten godkändes inte",
        [227] = "Det begärda beloppet är lägre än lägsta köpbelopp",
        [228] = "Det begärda beloppet är högre än högsta köpbelopp",
        [229] = "Beloppet får ha högst {0} decimaler",
        [230] = "Artikelns belopp får ha högst {0} decimaler",
        [231] = "Totalbeloppsfel – artiklarnas totalbelopp måste vara större än noll",
        [232] = "Anteckningsfel – anteckningen för en artikel är för lång",
        [233] = "Orderreferensfel – orderreferens saknas eller är för lång",
        [236] = "Orderreferensfel – orderreferens saknas eller är för lång",
        [243] = "Tjänsten är inte tillgänglig för det angivna landet",
        [250] = "Lösenordet måste vara minst 6 tecken",
        [252] = "Fel i API-anropet",
        [253] = "Felaktigt format på anropets data. Till exempel är datan inte giltig JSON.",
        [254] = "Artiklar är inte en lista",
        [255] = "Artikelbeskrivning saknas",
        [256] = "Artikelanteckning saknas",
        [257] = "Belopp saknas",
        [258] = "Artikelbeskrivningen är för lång",
        [259] = "Artikelbeloppet är ogiltigt",
        [260] = "Artiklarnas totalbelopp stämmer inte med transaktionens belopp",
        [261] = "Nekad av regelmotorn. Om du till exempel har en regel som bara accepterar betalkort nekar regelmotorn alla kreditkort med den här felkoden",
        [262] = "Något är fel med JSON-objektet",
        [263] = "Kunden är spärrad för köp hos Collector, kontakta Collector för mer information.",
        [264] = "Kreditupplysningen godkändes inte",
        [265] = "Adressen kan inte hittas för den angivna kunden",
        [266] = "Reservationen godkändes inte",
        [291] = "Beloppet kan överstiga fakturans totalbelopp, eller har fler än två decimaler (högst två decimaler)",
        [306] = "Fakturans belopp måste vara positivt",
        [338] = "Indata är inte korrekt",
        [400] = "Det sparade kortets utgångsdatum saknas",
        [2088] = "Handlaren har inte tillräckligt saldo på sitt Trustly-konto för att genomföra återbetalningen",
        [2090] = "Personnummertoken misslyckades",
        [2091] = "Metadata är ogiltig",
        [2301] = "Beskrivningsfel – en artikels beskrivning saknas eller är för lång",
        [2502] = "Artikelns moms saknas eller är ogiltig",
        [2503] = "Artikelns artikelnummer saknas",
        [2511] = "Artikelns antal saknas eller är ogiltigt",
        [2512] = "Artikelns anteckningar är för långa",
        [2610] = "Regelmotorn hoppades över",
        [4001] = "Kortet kunde inte sparas",
        [4002] = "Det sparade kortets token är ogiltig",
    }.ToFrozenDictionary();

    public static string? For(int code) => Texts.GetValueOrDefault(code);
}
