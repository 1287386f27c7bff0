using System.Text.Json;
using NordeaConnect.Grains.Storage;
using NordeaConnect.Grains.Tests.Infrastructure;

namespace NordeaConnect.Grains.Tests.State;

/// <summary>
/// Grain state is stored as plain JSON an operator can read: camelCase properties, no .NET type or assembly names,
/// so renaming a class does not break reading what was stored. A stored card keeps its token (it pays with it).
/// </summary>
public sealed class StoredStateShapeTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);
    private readonly GrainStateJsonSerializer _serializer = new();

    [Fact]
    public void An_entity_state_is_plain_json_with_entity_refreshed_at_and_journal()
    {
        var state = new CachedEntityState<TransactionSnapshot>().WithEntity(Snapshots.Transaction("approved", "10.00"), ReadAt);

        var json = _serializer.Serialize(state).ToString();

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["entity", "refreshedAt", "journal"], document.RootElement.EnumerateObject().Select(property => property.Name).ToArray());
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NordeaConnect", json, StringComparison.Ordinal);
        Assert.Equal("10.00", document.RootElement.GetProperty("entity").GetProperty("amount").GetString());
        var read = _serializer.Deserialize<CachedEntityState<TransactionSnapshot>>(BinaryData.FromString(json));
        Assert.Equal(7510, read.Entity?.Id);
        Assert.Equal(ReadAt, read.RefreshedAt);
    }

    [Fact]
    public void A_stored_card_state_keeps_the_token_it_charges_with()
    {
        var card = new StoredCardSnapshot { Id = 3, Status = "active", Token = "tok_123" };
        var state = new CachedEntityState<StoredCardSnapshot>().WithEntity(card, ReadAt);

        var read = _serializer.Deserialize<CachedEntityState<StoredCardSnapshot>>(_serializer.Serialize(state));

        Assert.Equal("tok_123", read.Entity?.Token);
    }

    [Fact]
    public void A_transaction_state_keeps_its_detail_fields_and_writes_none_it_lacks()
    {
        var detailed = Snapshots.Transaction("approved", "10.00") with
        {
            MerchantId = "3",
            Cost = new Client.TransactionCost { FixedFee = 2.5m, PercentualFee = 0.025m, Total = Primitives.Amount.Parse("3.10") },
            Items = [new Client.Item { ArticleNumber = "001", Amount = 10m }],
            PaymentDetails = new Client.PaymentDetails { CardNumber = "411111******1111", FirstName = "Anna" },
            ClientInfo = new Client.ClientInfo { Browser = "Firefox", IpAddress = "192.0.2.1" },
            Webhooks = [new Client.Webhook { Id = 4, Email = "ops@shop.example", RetryCount = 1, Response = new Client.WebhookResponse { Code = "200" } }],
            SuccessUrl = "https://shop.example/ok",
            TemplateId = 10,
            Encrypted = "card_number",
        };
        var plain = _serializer.Serialize(new CachedEntityState<TransactionSnapshot>().WithEntity(Snapshots.Transaction("approved", "10.00"), ReadAt)).ToString();

        var stored = _serializer.Serialize(new CachedEntityState<TransactionSnapshot>().WithEntity(detailed, ReadAt));
        var read = _serializer.Deserialize<CachedEntityState<TransactionSnapshot>>(stored).Entity!;

        // The snapshot holds these details as UTF-8 text; the stored state still shows them as JSON objects.
        using (var json = JsonDocument.Parse(stored.ToString()))
        {
            var entity = json.RootElement.GetProperty("entity");
            Assert.Equal(JsonValueKind.Object, entity.GetProperty("paymentDetails").ValueKind);
            Assert.Equal(JsonValueKind.Object, entity.GetProperty("clientInfo").ValueKind);
            Assert.Equal(JsonValueKind.Array, entity.GetProperty("webhooks").ValueKind);
        }

        Assert.Equal(Primitives.Amount.Parse("3.10"), read.Cost!.Total);
        Assert.Equal(0.025m, read.Cost.PercentualFee);
        Assert.Equal("001", Assert.Single(read.Items!).ArticleNumber);
        Assert.Equal("Anna", read.PaymentDetails!.FirstName);
        Assert.Equal("192.0.2.1", read.ClientInfo!.IpAddress);
        Assert.Equal("200", Assert.Single(read.Webhooks!).Response!.Code);
        Assert.Equal(("3", "https://shop.example/ok", 10L, "card_number"), (read.MerchantId, read.SuccessUrl, read.TemplateId!.Value, read.Encrypted));
        // Absent details are absent in the stored JSON too: a plain transaction's state does not grow.
        Assert.DoesNotContain("cost", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("webhooks", plain, StringComparison.Ordinal);
    }
}
