using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.Postgres;

/// <summary>
/// Grain state in PostgreSQL: one jsonb row per (grain type, key, state name) with a version used as ETag. Writes are
/// compare-and-set on the version and announce themselves with NOTIFY (sent on commit) so other nodes drop stale caches.
/// </summary>
internal sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly PostgresGrainStorageOptions _options;
    private readonly GrainStateInvalidations _invalidations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _initializationGate = new();
    private readonly string _table;
    private Task? _initialization;
    private int _disposed;
    private PostgresChangeListener? _listener;

    public PostgresGrainStorage(PostgresGrainStorageOptions options, GrainStateInvalidations invalidations, TimeProvider timeProvider, ILogger logger)
    {
        options.Validate();
        _options = options;
        _invalidations = invalidations;
        _timeProvider = timeProvider;
        _logger = logger;
        _table = PostgresSchemaMigrator.Quote(options.Schema) + ".grain_state";
        DataSource = NpgsqlDataSource.Create(options.ConnectionString);
        LockDataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            ApplicationName = "nordeaconnect-grains-locks",
            MaxPoolSize = options.MaxLockConnections,
            MinPoolSize = 0,
        }.ConnectionString);
    }

    /// <summary>The pool for state reads and writes (and migrations).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The pool exclusive turns hold their advisory locks on, apart from <see cref="DataSource"/>.</summary>
    public NpgsqlDataSource LockDataSource { get; }

    public PostgresGrainStorageOptions Options => _options;

    /// <summary>When the change listener last started listening; null while it is down.</summary>
    public DateTimeOffset? ListeningSince => _listener?.ListeningSince;

    /// <summary>The server process id of the listening connection; 0 while it is down.</summary>
    public int ListenerProcessId => _listener?.ProcessId ?? 0;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialization) is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        Task initialization;
        lock (_initializationGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = InitializeCoreAsync();
            }

            initialization = _initialization;
        }

        return initialization.IsCompletedSuccessfully ? Task.CompletedTask : initialization.WaitAsync(cancellationToken);
    }

    public async Task<StoredState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand($"select version, state::text from {_table} where grain_type = $1 and grain_key = $2 and state_name = $3", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(0));
    }

    public async Task<StoredState?> ReadIfChangedAsync(GrainStateKey key, long knownVersion, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        // The state travels only when it changed; an unchanged check costs one small row.
        await using var command = CreateCommand(
            $"select version, case when version = $4 then null else state::text end from {_table} where grain_type = $1 and grain_key = $2 and state_name = $3",
            key,
            knownVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return knownVersion == 0 ? null : new StoredState(null, 0);
        }

        var version = reader.GetInt64(0);
        return version == knownVersion ? null : new StoredState(reader.IsDBNull(1) ? null : reader.GetString(1), version);
    }

    public Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, CancellationToken cancellationToken) =>
        expectedVersion == 0
            ? ChangeAsync(
                $"""
                with changed as (
                    insert into {_table} (grain_type, grain_key, state_name, version, state) values ($1, $2, $3, 1, $4)
                    on conflict do nothing
                    returning version)
                select version, pg_notify($5, json_build_object('t', $1::text, 'k', $2::text, 's', $3::text, 'v', version)::text) from changed
                """,
                key,
                expectedVersion,
                Jsonb(json),
                cancellationToken)
            : ChangeAsync(
                $"""
                with changed as (
                    update {_table} set version = version + 1, state = $4, updated_at = now()
                    where grain_type = $1 and grain_key = $2 and state_name = $3 and version = $6
                    returning version)
                select version, pg_notify($5, json_build_object('t', $1::text, 'k', $2::text, 's', $3::text, 'v', version)::text) from changed
                """,
                key,
                expectedVersion,
                Jsonb(json),
                cancellationToken);

    public async Task<long> ClearAsync(GrainStateKey key, long expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion != 0)
        {
            return await ChangeAsync(
                $"""
                with changed as (
                    update {_table} set version = version + 1, state = null, updated_at = now()
                    where grain_type = $1 and grain_key = $2 and state_name = $3 and version = $6
                    returning version)
                select version, pg_notify($5, json_build_object('t', $1::text, 'k', $2::text, 's', $3::text, 'v', version)::text) from changed
                """,
                key,
                expectedVersion,
                new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb },
                cancellationToken).ConfigureAwait(false);
        }

        // Nothing was ever stored as far as this cache knows; that is only true if storage agrees.
        var stored = await ReadStoredVersionAsync(key, cancellationToken).ConfigureAwait(false);
        return stored is null ? 0 : throw new InconsistentStateException(key.GrainId, key.StateName, expectedVersion, stored);
    }

    public bool IsCacheTrusted(DateTimeOffset lastReadAt)
    {
        // Trusted while the listener has been up since the read (another node's write would have been announced);
        // otherwise only while younger than the staleness bound.
        if (ListeningSince is { } since && lastReadAt > since)
        {
            return true;
        }

        return _timeProvider.GetUtcNow() - lastReadAt < _options.StalenessBound;
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        await DataSource.DisposeAsync().ConfigureAwait(false);
        await LockDataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private async Task InitializeCoreAsync()
    {
        // Not tied to the first caller's token: other callers share this initialization.
        await new PostgresSchemaMigrator(DataSource, _options.Schema, _logger).MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_initializationGate)
        {
            _listener ??= PostgresChangeListener.Start(_options, _invalidations, _timeProvider, _logger);
        }
    }

    private async Task<long> ChangeAsync(string sql, GrainStateKey key, long expectedVersion, NpgsqlParameter state, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = CreateCommand(sql, key))
        {
            command.Parameters.Add(state);
            command.Parameters.Add(new NpgsqlParameter { Value = _options.NotificationChannel });
            if (expectedVersion != 0)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return reader.GetInt64(0);
            }
        }

        var stored = await ReadStoredVersionAsync(key, cancellationToken).ConfigureAwait(false);
        throw new InconsistentStateException(key.GrainId, key.StateName, expectedVersion, stored);
    }

    private async Task<long?> ReadStoredVersionAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand($"select version from {_table} where grain_type = $1 and grain_key = $2 and state_name = $3", key);
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return version is long stored ? stored : null;
    }

    private NpgsqlCommand CreateCommand(string sql, GrainStateKey key, long? knownVersion = null)
    {
        var command = DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key.GrainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = key.GrainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = key.StateName });
        if (knownVersion is { } version)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = version });
        }

        return command;
    }
}
