using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Forms;

/// <summary>Form values render in the reference's text whatever the thread's culture.</summary>
public sealed class UpstreamFormFormatterTests
{
    [Fact]
    public void Booleans_amounts_and_numbers_render_invariantly_under_a_swedish_culture()
    {
        var formatter = new UpstreamFormFormatter();
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            Assert.Equal("true", formatter.Format(true, null));
            Assert.Equal("false", formatter.Format(false, null));
            Assert.Equal("1234.50", formatter.Format(Amount.Parse("1234.50"), null));
            Assert.Equal("-12.5", formatter.Format(-12.5m, null));
            Assert.Equal("7510", formatter.Format(7510L, null));
            Assert.Equal("cancelled order", formatter.Format("cancelled order", null));
            Assert.Null(formatter.Format(null, null));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
