using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Rules;

public sealed class StoredCardUsabilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static StoredCardSnapshot Card(string status, DateTimeOffset? expires) => new() { Id = 42, Status = status, Expires = expires, Token = "tok_secret_value" };

    [Fact]
    public void An_active_card_that_has_not_expired_is_usable()
    {
        Assert.Null(StoredCardUsability.Check(Card("active", Now.AddDays(1)), Now));
        Assert.Null(StoredCardUsability.Check(Card("ACTIVE", null), Now));
    }

    [Theory]
    [InlineData("inactive", "inactive")]
    [InlineData("deleted", "deleted")]
    [InlineData("", "not active")]
    public void A_card_that_is_not_active_is_refused(string status, string named)
    {
        var refusal = StoredCardUsability.Check(Card(status, Now.AddYears(1)), Now);

        Assert.Equal(ResultCode.StoredCardNotUsable, refusal?.Code);
        Assert.Contains(named, refusal!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_card_is_refused_from_the_instant_it_expires()
    {
        Assert.Equal(ResultCode.StoredCardNotUsable, StoredCardUsability.Check(Card("active", Now), Now)?.Code);
        Assert.Equal(ResultCode.StoredCardNotUsable, StoredCardUsability.Check(Card("active", Now.AddSeconds(-1)), Now)?.Code);
        Assert.Null(StoredCardUsability.Check(Card("active", Now.AddSeconds(1)), Now));
    }

    [Fact]
    public void A_refusal_never_shows_the_token()
    {
        var refusal = StoredCardUsability.Check(Card("inactive", null), Now);

        Assert.DoesNotContain("tok_secret_value", refusal!.Description, StringComparison.Ordinal);
    }
}
