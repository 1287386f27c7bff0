using System.Globalization;
using System.Text;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>Ruby's strftime directives, as Liquid's <c>date</c> filter uses them, always in the invariant culture.</summary>
internal static class StrftimeFormatter
{
    public static string Format(DateTimeOffset instant, string format)
    {
        var output = new StringBuilder(format.Length * 2);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                output.Append(format[i]);
                continue;
            }

            var directive = format[++i];
            output.Append(directive switch
            {
                'Y' => instant.Year.ToString("0000", CultureInfo.InvariantCulture),
                'C' => (instant.Year / 100).ToString("00", CultureInfo.InvariantCulture),
                'y' => (instant.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                'm' => instant.Month.ToString("00", CultureInfo.InvariantCulture),
                'd' => instant.Day.ToString("00", CultureInfo.InvariantCulture),
                'e' => instant.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'j' => instant.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                'H' => instant.Hour.ToString("00", CultureInfo.InvariantCulture),
                'k' => instant.Hour.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'I' => (instant.Hour % 12 == 0 ? 12 : instant.Hour % 12).ToString("00", CultureInfo.InvariantCulture),
                'l' => (instant.Hour % 12 == 0 ? 12 : instant.Hour % 12).ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'M' => instant.Minute.ToString("00", CultureInfo.InvariantCulture),
                'S' => instant.Second.ToString("00", CultureInfo.InvariantCulture),
                'L' => instant.Millisecond.ToString("000", CultureInfo.InvariantCulture),
                'p' => instant.Hour < 12 ? "AM" : "PM",
                'P' => instant.Hour < 12 ? "am" : "pm",
                'b' or 'h' => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(instant.Month),
                'B' => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(instant.Month),
                'a' => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(instant.DayOfWeek),
                'A' => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(instant.DayOfWeek),
                'u' => (instant.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)instant.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'w' => ((int)instant.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'z' => FormatOffset(instant.Offset, colon: false),
                'Z' => instant.Offset == TimeSpan.Zero ? "UTC" : FormatOffset(instant.Offset, colon: true),
                's' => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                'F' => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                'T' => instant.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                'D' => instant.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                // Ruby prints an unknown directive as written; so do we.
                _ => "%" + directive,
            });
        }

        return output.ToString();
    }

    private static string FormatOffset(TimeSpan offset, bool colon)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var absolute = offset.Duration();
        return sign + absolute.Hours.ToString("00", CultureInfo.InvariantCulture) + (colon ? ":" : string.Empty)
            + absolute.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
