using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Journal;

public sealed class IdempotencyKeysTests
{
    [Theory]
    [InlineData("order-42/refund#1")]
    [InlineData("a")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void A_visible_ascii_key_is_taken_as_given(string given)
    {
        Assert.True(IdempotencyKeys.TryResolve(given, out var key, out _));
        Assert.Equal(given, key);
    }

    [Fact]
    public void No_key_gets_a_fresh_one_each_time()
    {
        Assert.True(IdempotencyKeys.TryResolve(null, out var first, out _));
        Assert.True(IdempotencyKeys.TryResolve(null, out var second, out _));

        Assert.StartsWith("generated-", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    [InlineData("åäö")]
    public void A_malformed_key_is_refused_with_the_reason(string given)
    {
        Assert.False(IdempotencyKeys.TryResolve(given, out _, out var refusal));
        Assert.Equal(ResultCode.IdempotencyKeyMalformed, refusal.Code);
    }

    [Fact]
    public void A_key_longer_than_the_limit_is_refused()
    {
        Assert.False(IdempotencyKeys.TryResolve(new string('k', IdempotencyKeys.MaxLength + 1), out _, out var refusal));
        Assert.Contains("129", refusal.Description, StringComparison.Ordinal);
        Assert.True(IdempotencyKeys.TryResolve(new string('k', IdempotencyKeys.MaxLength), out _, out _));
    }
}
