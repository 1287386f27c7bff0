using System.Globalization;
using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>What a caller learns from one mutation.</summary>
internal enum OutcomeKind
{
    /// <summary>Done; for refunds, <see cref="OperationOutcome.RefundId"/> names the booked refund.</summary>
    Succeeded,

    /// <summary>A definitive refusal (100.x, 200.x, 800.x): nothing was done and retrying will not change that.</summary>
    Refused,

    /// <summary>A 900.x result or a transport failure (the gateway died): the caller must retry with the same key.</summary>
    InDoubt,
}

internal sealed record OperationOutcome(OutcomeKind Kind, string Code, long? RefundId = null);

/// <summary>What one create answered: a result code (null when none came), the transaction, or the failure instead.</summary>
internal sealed record CreateAnswer(string Reference, string? Code, long? TransactionId, string? Failure);

/// <summary>The calls the reliability scenarios make, through the gateway's gRPC API with the test PAN.</summary>
internal static class Payments
{
    // A Mastercard test number rather than 4111111111111111, which the gateway's start-up banner prints in its
    // example command: the scan must find only what the suite itself sent.
    public const string TestPan = "5555555555554444";
    public const string TestCvv = "737";

    private static int _sequence;

    public static Metadata Headers(string token = GatewayProcess.AllScopes, string? idempotencyKey = null) => GatewayHeaders.For(token, idempotencyKey);

    /// <summary>
    /// Creates a payment under a fresh payment_ref, repeating the same request while the answer is in doubt (a 900.x
    /// or a dropped connection, e.g. while the cluster notices a dead node): one payment_ref books one transaction.
    /// </summary>
    public static async Task<long> CreateAsync(GrpcChannel channel, string amount, bool authorize = false)
    {
        var reference = "r" + Interlocked.Increment(ref _sequence).ToString("D5", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        var request = new CreateTransactionRequest
        {
            PaymentRef = reference,
            Amount = amount,
            Currency = "sek",
            Test = true,
            Authorize = authorize,
            CardHolder = "Reliability Test",
            CardNumber = TestPan,
            CardExpiry = "1230",
            CardCvv = TestCvv,
            CardType = "MASTERCARD",
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await new TransactionsClient(channel).CreateAsync(request, Headers(), DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
                return response.Transaction.Id;
            }
            catch (RpcException failure) when (attempt < 20 && IsInDoubt(failure))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt, 8)));
            }
        }
    }

    /// <summary>
    /// One create under <paramref name="reference"/>, one attempt, answered within <paramref name="deadline"/>: the
    /// result code the gateway gave (in the response or in the trailers), or what came instead of one.
    /// </summary>
    public static async Task<CreateAnswer> CreateOnceAsync(GrpcChannel channel, string reference, string amount, TimeSpan deadline)
    {
        var request = new CreateTransactionRequest
        {
            PaymentRef = reference,
            Amount = amount,
            Currency = "sek",
            Test = true,
            CardHolder = "Reliability Test",
            CardNumber = TestPan,
            CardExpiry = "1230",
            CardCvv = TestCvv,
            CardType = "MASTERCARD",
        };
        try
        {
            var response = await new TransactionsClient(channel).CreateAsync(request, Headers(), DateTime.UtcNow + deadline).ResponseAsync;
            return new CreateAnswer(reference, response.Result.Code, response.Transaction?.Id, null);
        }
        catch (RpcException failure)
        {
            return new CreateAnswer(reference, failure.Trailers.GetValue(ResultTrailers.CodeKey), null, failure.StatusCode + ": " + failure.Status.Detail);
        }
    }

    public static Task<OperationOutcome> RefundAsync(GrpcChannel channel, long transactionId, string amount, string key) =>
        OutcomeOfAsync(async () =>
        {
            var response = await new TransactionsClient(channel).RefundAsync(
                new RefundTransactionRequest { Id = transactionId, Amount = amount, Reason = "reliability" },
                Headers(idempotencyKey: key),
                DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
            return new OperationOutcome(OutcomeKind.Succeeded, response.Result.Code, response.Refund.Id);
        });

    public static Task<OperationOutcome> CaptureAsync(GrpcChannel channel, long transactionId, string amount, string key) =>
        OutcomeOfAsync(async () =>
        {
            var response = await new TransactionsClient(channel).CaptureAsync(
                new CaptureTransactionRequest { Id = transactionId, Amount = amount },
                Headers(idempotencyKey: key),
                DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
            return new OperationOutcome(OutcomeKind.Succeeded, response.Result.Code);
        });

    /// <summary>
    /// Repeats an operation with its idempotency key until the answer is definitive, as a well-behaved caller does
    /// after a 900.x or a dropped connection. Bounded: a scenario that never settles fails its assertions.
    /// </summary>
    public static async Task<OperationOutcome> SettleAsync(Func<Task<OperationOutcome>> operation, int attempts = 20)
    {
        OperationOutcome outcome = new(OutcomeKind.InDoubt, "not tried");
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            outcome = await operation();
            if (outcome.Kind != OutcomeKind.InDoubt)
            {
                return outcome;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt + 1, 8)));
        }

        return outcome;
    }

    /// <summary>
    /// As <see cref="SettleAsync(Func{Task{OperationOutcome}}, int)"/>, telling the operation which attempt it is, so a
    /// caller can send each retry to another node.
    /// </summary>
    public static async Task<OperationOutcome> SettleAsync(Func<int, Task<OperationOutcome>> operation, int attempts)
    {
        OperationOutcome outcome = new(OutcomeKind.InDoubt, "not tried");
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            outcome = await operation(attempt);
            if (outcome.Kind != OutcomeKind.InDoubt)
            {
                return outcome;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt + 1, 8)));
        }

        return outcome;
    }

    private static async Task<OperationOutcome> OutcomeOfAsync(Func<Task<OperationOutcome>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException failure)
        {
            var code = failure.Trailers.GetValue(ResultTrailers.CodeKey);
            if (code is null)
            {
                return new OperationOutcome(OutcomeKind.InDoubt, "grpc " + failure.StatusCode.ToString());
            }

            return new OperationOutcome(IsInDoubt(failure) ? OutcomeKind.InDoubt : OutcomeKind.Refused, code);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or OperationCanceledException)
        {
            return new OperationOutcome(OutcomeKind.InDoubt, failure.GetType().Name);
        }
    }

    private static bool IsInDoubt(RpcException failure) =>
        failure.Trailers.GetValue(ResultTrailers.CodeKey) is not { } code || code.StartsWith("900.", StringComparison.Ordinal);
}
