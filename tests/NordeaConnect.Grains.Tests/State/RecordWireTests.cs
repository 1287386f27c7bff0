using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Serialization;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace NordeaConnect.Grains.Tests.State;

/// <summary>
/// The records cross between silos through Orleans' serializer; the REST client's entities they hold (cost, items,
/// payment details, client info, webhooks, webhook definitions) travel as the client's JSON and must arrive whole.
/// </summary>
public sealed partial class RecordWireTests
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2026, 12, 3, 10, 15, 30, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    private static readonly IServiceProvider Orleans = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TransactionSnapshot).Assembly).AddNordeaConnectClientTypes())
        .BuildServiceProvider();

    private static readonly Serializer Wire = Orleans.GetRequiredService<Serializer>();

    private static Client.TransactionCost FullCost => new() { FixedFee = 2.50m, PercentualFee = 0.025m, PercentualExchangeFee = 0.035m, Total = Amount.Parse("3.10") };

    private static Client.Item FullItem => new() { ArticleNumber = "001", Description = "licence", Amount = 10.00m, Quantity = 2m, VatRate = 25m, Discount = 0.5m, Notes = "gift" };

    private static Client.ClientInfo FullClientInfo => new() { RawUserAgent = "Mozilla/5.0", Browser = "Firefox", Version = "133", Platform = "Linux", IpAddress = "203.0.113.7", AcceptLanguage = "sv-SE" };

    private static Client.PaymentDetails FullPaymentDetails => new()
    {
        Id = 77, CardNumber = "411111******1111", CardHolder = "Ada Berg", CardType = "visa", CustomerNumber = "c-1", PersonalNumber = "19800101-0000",
        FirstName = "Ada", LastName = "Berg", Zip = "11122", CountryCode = "SE", Country = "Sweden", Address = "Storgatan 1", Address1 = "Storgatan 1",
        Address2 = "c/o Berg", City = "Stockholm", BankName = "Nordea", BankAccountLastDigits = "4321", Phone = "+46701234567", Ssn = "800101-0000",
        CardIssuer = "Nordea", CreditOrDebit = "debit", CardCountryCode = "SE", Campaign = "winter", Segmentation = "b2c", SwishNumber = "46701234567",
        Email = "ada@shop.example",
    };

    private static Client.Webhook FullWebhook => new()
    {
        Id = 4, CreatedAt = Created, UpdatedAt = Created.AddMinutes(5), Type = "CustomHttp", Trigger = "payment_success", HttpMethod = "post",
        Email = "ops@shop.example", Url = "https://shop.example/hook", DataFormat = "json", RetryCount = 2,
        Response = new Client.WebhookResponse { Code = "500", Body = "{\"ok\":false}", Message = "Internal Server Error", Error = "Net::HTTPServerError" },
    };

    private static Client.WebhookDefinition FullDefinition => new() { Trigger = "payment_success", Url = "https://shop.example/hook", HttpMethod = "put", DataFormat = "xml", Email = "ops@shop.example" };

    [Fact]
    public void Every_client_type_the_records_hold_is_on_the_wire_list_and_nothing_else()
    {
        var records = typeof(TransactionSnapshot).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<GenerateSerializerAttribute>() is not null || type.IsInterface);
        var held = records
            .SelectMany(type => type.GetProperties().Select(property => property.PropertyType)
                .Concat(type.GetMethods().SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType))))
            .SelectMany(Unwrapped)
            .Where(type => type.Assembly == typeof(Client.Item).Assembly)
            .ToHashSet();

        Assert.Equal(ClientTypesOnTheWire.Types.OrderBy(type => type.Name), held.OrderBy(type => type.Name));
    }

    [Fact]
    public void A_transaction_crosses_the_wire_with_every_field_of_every_detail_and_no_full_card_number()
    {
        var sent = Snapshots.Transaction("approved", "10.00") with
        {
            MerchantId = "3",
            Ref = "r-1",
            WalletType = "vipps",
            Cost = FullCost,
            Items = [FullItem],
            PaymentDetails = FullPaymentDetails,
            ClientInfo = FullClientInfo,
            Webhooks = [FullWebhook],
            Customer = new CustomerSnapshot { Id = 9, Ref = "c-9" },
        };
        AssertEveryPropertySet(sent.Cost!);
        AssertEveryPropertySet(sent.Items![0]);
        AssertEveryPropertySet(sent.PaymentDetails!);
        AssertEveryPropertySet(sent.ClientInfo!);
        AssertEveryPropertySet(sent.Webhooks![0]);
        AssertEveryPropertySet(sent.Webhooks![0].Response!);

        var bytes = Wire.SerializeToArray(sent);
        var read = Wire.Deserialize<TransactionSnapshot>(bytes)!;

        Assert.Equivalent(sent.Cost, read.Cost, strict: true);
        Assert.Equivalent(sent.Items, read.Items, strict: true);
        Assert.Equivalent(sent.PaymentDetails, read.PaymentDetails, strict: true);
        Assert.Equivalent(sent.ClientInfo, read.ClientInfo, strict: true);
        Assert.Equivalent(sent.Webhooks, read.Webhooks, strict: true);
        var webhook = Assert.Single(read.Webhooks!);
        // Equal instants are not enough: the tick and the offset must arrive too.
        Assert.Equal((Created.Ticks, Created.Offset), (webhook.CreatedAt!.Value.Ticks, webhook.CreatedAt.Value.Offset));
        Assert.Equal("2.50", read.Cost!.FixedFee!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("3", "r-1", "vipps", "c-9"), (read.MerchantId, read.Ref, read.WalletType, read.Customer!.Ref));
        Assert.Contains("411111******1111", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotMatch(CardNumberDigits(), Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Absent_detail_fields_arrive_absent()
    {
        var sent = Snapshots.Transaction("approved", "10.00") with
        {
            Cost = new Client.TransactionCost(),
            Items = [new Client.Item()],
            PaymentDetails = new Client.PaymentDetails(),
            ClientInfo = new Client.ClientInfo(),
            Webhooks = [new Client.Webhook { Id = 5 }],
        };

        var read = Wire.Deserialize<TransactionSnapshot>(Wire.SerializeToArray(sent))!;
        var bare = Wire.Deserialize<TransactionSnapshot>(Wire.SerializeToArray(Snapshots.Transaction("approved", "10.00")))!;

        Assert.Equivalent(sent.Cost, read.Cost, strict: true);
        Assert.Equivalent(sent.Items, read.Items, strict: true);
        Assert.Equivalent(sent.PaymentDetails, read.PaymentDetails, strict: true);
        Assert.Equivalent(sent.ClientInfo, read.ClientInfo, strict: true);
        Assert.Equivalent(sent.Webhooks, read.Webhooks, strict: true);
        Assert.Null(Assert.Single(read.Webhooks!).Response);
        Assert.Null(read.Cost!.Total);
        Assert.Equal((null, null, null, null, null), (bare.Cost, bare.Items, bare.PaymentDetails, bare.ClientInfo, bare.Webhooks));
    }

    [Fact]
    public void Requests_carry_their_items_and_webhook_definitions_whole()
    {
        var charge = Wire.Deserialize<StoredCardChargeRequest>(Wire.SerializeToArray(new StoredCardChargeRequest
        {
            PaymentRef = PaymentRef.Parse("w-1"),
            Amount = Amount.Parse("1.00"),
            Currency = CurrencyCode.Sek,
            Items = [FullItem],
            Webhooks = [FullDefinition, Client.WebhookDefinition.EmailOn(Client.WebhookTriggers.PaymentSuccess, "ops@shop.example")],
            Locale = "sv",
        }))!;
        var update = Wire.Deserialize<TransactionUpdateRequest>(Wire.SerializeToArray(new TransactionUpdateRequest { Items = [FullItem] }))!;

        AssertEveryPropertySet(FullDefinition);
        Assert.Equivalent(new[] { FullDefinition, Client.WebhookDefinition.EmailOn(Client.WebhookTriggers.PaymentSuccess, "ops@shop.example") }, charge.Webhooks, strict: true);
        Assert.Null(charge.Webhooks![1].Url);
        Assert.Equivalent(new[] { FullItem }, charge.Items, strict: true);
        Assert.Equivalent(new[] { FullItem }, update.Items, strict: true);
        Assert.Equal("sv", charge.Locale);
    }

    [Fact]
    public void The_deep_copier_keeps_immutable_records_and_copies_a_loose_client_entity_whole()
    {
        var snapshot = Snapshots.Transaction("approved", "10.00") with { PaymentDetails = FullPaymentDetails, Webhooks = [FullWebhook] };
        var details = FullPaymentDetails;

        // [Immutable] records pass within a silo by reference; a client entity on its own is copied through its JSON.
        Assert.Same(snapshot, Orleans.GetRequiredService<DeepCopier<TransactionSnapshot>>().Copy(snapshot));
        var copied = Orleans.GetRequiredService<DeepCopier<Client.PaymentDetails>>().Copy(details);
        Assert.NotSame(details, copied);
        Assert.Equivalent(details, copied, strict: true);
    }

    [Fact]
    public async Task A_grain_call_between_two_silos_and_from_the_cluster_client_carries_every_detail_field()
    {
        await using var node = await FakeNode.StartAsync();
        var stored = node.Transactions.Add("approved", "10.00") with
        {
            Cost = FullCost,
            Items = [FullItem],
            PaymentDetails = FullPaymentDetails,
            ClientInfo = FullClientInfo,
            Webhooks = [FullWebhook],
        };
        node.Transactions.Replace(stored);

        // The activation lives on one silo, so one of the two silos' calls crosses to the other; the client's always crosses.
        foreach (var grains in new[] { node.On(0), node.On(1), node.Grains })
        {
            var read = (await grains.GetGrain<ITransactionGrain>(stored.Id).GetAsync()).Value!;
            Assert.Equivalent(stored.Cost, read.Cost, strict: true);
            Assert.Equivalent(stored.Items, read.Items, strict: true);
            Assert.Equivalent(stored.PaymentDetails, read.PaymentDetails, strict: true);
            Assert.Equivalent(stored.ClientInfo, read.ClientInfo, strict: true);
            Assert.Equivalent(stored.Webhooks, read.Webhooks, strict: true);
        }
    }

    private static IEnumerable<Type> Unwrapped(Type type) =>
        type.IsArray ? Unwrapped(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrapped)
        : [type];

    private static void AssertEveryPropertySet(object value) =>
        Assert.All(value.GetType().GetProperties(), property => Assert.True(property.GetValue(value) is not null, $"{value.GetType().Name}.{property.Name} is not set in the test"));

    [GeneratedRegex(@"\d{13,19}")]
    private static partial Regex CardNumberDigits();
}
