using NordeaConnect.Analyzers.Secrets;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Secrets;

public sealed class SecretLiteralTests
{
    private static RuleTest Rule() => RuleTest.For<SecretLiteralAnalyzer>();

    [Fact]
    public Task Secrets_from_configuration_and_secret_like_names_are_fine() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public sealed class NordeaConnectOptions
            {
                public const string SecretEnvironmentVariable = "NC_HASH_SECRET";
                public string HashSecret { get; set; } = "";
                public string ApiPassword { get; set; } = string.Empty;
                public int PasswordMinLength { get; set; } = 8;
                public string PasswordFieldName { get; set; } = "password";
            }

            public static class Hashes
            {
                public static string Compute(IReadOnlyDictionary<string, string> configuration, string merchantId, Amount amount)
                {
                    var secret = configuration["NordeaConnect:HashSecret"];
                    var password = Environment.GetEnvironmentVariable(NordeaConnectOptions.SecretEnvironmentVariable) ?? throw new InvalidOperationException("NC_HASH_SECRET is not set.");
                    return RequestHash.Compute(merchantId, PaymentRef.Parse("order-1"), null, amount, CurrencyCode.Parse("sek"), false, secret + password.Length);
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Literal_secrets_and_passwords_are_reported() =>
        Rule().WithSource("""
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public sealed class NordeaConnectOptions
            {
                public string HashSecret { get; set; } = [|"s3cr3t"|];
                private readonly string _apiPassword = [|"Pa55w0rd"|];
                public string ApiPassword => _apiPassword;
            }

            public static class Hashes
            {
                public static string Compute(string merchantId, Amount amount, Dictionary<string, string> settings)
                {
                    var secret = [|"abc123"|];
                    settings["secret"] = [|"abc123"|];
                    var options = new NordeaConnectOptions { HashSecret = [|"other"|] };
                    return RequestHash.Compute(merchantId, PaymentRef.Parse("order-1"), null, amount, CurrencyCode.Parse("sek"), false, secret)
                        + RequestHash.Compute(merchantId, PaymentRef.Parse("order-2"), null, amount, CurrencyCode.Parse("sek"), false, [|"inline"|]) + options.HashSecret;
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public void No_fix_is_offered_because_the_secret_must_move_out_of_source() =>
        Assert.DoesNotContain(Fixers.All(), fixer => fixer.FixableDiagnosticIds.Contains(RuleIdentifiers.SecretLiteral));

    [Fact]
    public Task Test_sources_without_primitives_are_checked_too() =>
        Rule().WithoutPrimitives().WithSource("""
            public static class Settings
            {
                public static string ApiUsername { get; } = "exampleuser";
                public static string ApiSecret { get; } = [|"Pa55w0rd"|];
            }
            """).VerifyDiagnosticsAsync();
}
