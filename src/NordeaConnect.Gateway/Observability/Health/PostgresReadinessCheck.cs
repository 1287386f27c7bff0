using Npgsql;

namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>
/// Opens a fresh, unpooled connection and runs <c>SELECT 1</c>, bounded by <see cref="Timeout"/>. Unpooled on purpose:
/// a pooled connection could look alive after a server restart, and a probe must see what a new call would see.
/// </summary>
public sealed class PostgresReadinessCheck : IReadinessCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;

    public PostgresReadinessCheck(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = (int)Timeout.TotalSeconds,
            CommandTimeout = (int)Timeout.TotalSeconds,
        }.ConnectionString;
    }

    public string Name => "postgres";

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(bounded.Token).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(bounded.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "PostgreSQL did not answer within " + Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s";
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            // The exception's type names the failure; its message may echo the host, which is fine, but never the password.
            var cause = exception.InnerException is { } inner ? exception.GetType().Name + ": " + inner.GetType().Name : exception.GetType().Name;
            return "PostgreSQL is unreachable (" + cause + ")";
        }
    }
}
