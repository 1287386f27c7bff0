using Npgsql;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Notifications.Postgres;

/// <summary>
/// The outbox and the webhook inbox in PostgreSQL (tables from <see cref="NotificationMigrations"/>), shared by every
/// gateway node on the same database: versions are numbered under a per-entity transaction lock, deliveries are
/// claimed with leases and SKIP LOCKED, so two nodes never send the same delivery at once.
/// </summary>
public sealed class PostgresNotificationStore : INotificationOutbox, IWebhookInbox, IAsyncDisposable
{
    private const string DeliveryColumns = "d.id, d.receiver_url, d.entity_kind, d.entity_id, d.version, d.message, d.state, d.attempts, d.created_at, d.next_attempt_at, d.last_error, d.traceparent, d.tracestate";
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly string _schema;
    private readonly string _s;

    /// <summary>Opens a connection pool of its own on <paramref name="connectionString"/>; call <see cref="MigrateAsync"/> before use.</summary>
    public PostgresNotificationStore(string connectionString, string schema, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
        _schema = schema;
        _s = NotificationSchemaMigrator.Quote(schema);
    }

    /// <summary>Creates or updates the tables; returns how many scripts ran.</summary>
    public Task<int> MigrateAsync(ILogger logger, CancellationToken cancellationToken) =>
        new NotificationSchemaMigrator(_dataSource, _schema, logger).MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public long Append(EntityKey key, long proposedVersion, string reason, Func<long, string> messageFor, DeliveryTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(messageFor);
        var now = _time.GetUtcNow();
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var lockEntity = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 7))", connection, transaction))
        {
            // Numbering the entity's versions one node at a time; other entities append in parallel.
            lockEntity.Parameters.Add(new NpgsqlParameter { Value = "nc-outbox:" + key });
            lockEntity.ExecuteNonQuery();
        }

        long latest;
        using (var read = new NpgsqlCommand($"select coalesce(max(version), 0) from {_s}.entity_changes where entity_kind = $1 and entity_id = $2", connection, transaction))
        {
            Add(read, key.Kind, key.Id);
            latest = (long)read.ExecuteScalar()!;
        }

        var version = proposedVersion > latest ? proposedVersion : latest + 1;
        using var append = new NpgsqlCommand(
            $"""
            with ins as (
                insert into {_s}.entity_changes (entity_kind, entity_id, version, reason, message, created_at)
                values ($1, $2, $3, $4, $5, $6)
                returning version)
            insert into {_s}.notification_deliveries (receiver_url, entity_kind, entity_id, version, message, created_at, next_attempt_at, traceparent, tracestate)
            select s.receiver_url, $1, $2, ins.version, $5, $6, $6, $7::text, $8::text
            from ins cross join {_s}.notification_subscriptions s
            where s.entity_kind = $1 and s.entity_id = $2
            """,
            connection,
            transaction);
        Add(append, key.Kind, key.Id, version, reason, messageFor(version), now, (object?)trace?.TraceParent ?? DBNull.Value, (object?)trace?.TraceState ?? DBNull.Value);
        append.ExecuteNonQuery();
        transaction.Commit();
        return version;
    }

    public async Task<IReadOnlyList<EntityChangeRecord>> ReadChangesAsync(EntityKey key, long afterVersion, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select version, reason, message, created_at from {_s}.entity_changes where entity_kind = $1 and entity_id = $2 and version > $3 order by version limit $4");
        Add(command, key.Kind, key.Id, afterVersion, limit);
        return await ReadChanges(command, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EntityChangeRecord?> LatestChangeAsync(EntityKey key, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select version, reason, message, created_at from {_s}.entity_changes where entity_kind = $1 and entity_id = $2 order by version desc limit 1");
        Add(command, key.Kind, key.Id);
        var found = await ReadChanges(command, key, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task SubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return ExecuteAsync(
            $"insert into {_s}.notification_subscriptions (entity_kind, entity_id, receiver_url) values ($1, $2, $3) on conflict do nothing",
            cancellationToken,
            key.Kind,
            key.Id,
            receiver.AbsoluteUri);
    }

    public Task UnsubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return ExecuteAsync(
            $"delete from {_s}.notification_subscriptions where entity_kind = $1 and entity_id = $2 and receiver_url = $3",
            cancellationToken,
            key.Kind,
            key.Id,
            receiver.AbsoluteUri);
    }

    public async Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        // Only the oldest pending delivery of each (receiver, entity) is a candidate: version N+1 waits for N.
        await using var command = _dataSource.CreateCommand(
            $"""
            with heads as (
                select distinct on (receiver_url, entity_kind, entity_id) id, lease_until, next_attempt_at
                from {_s}.notification_deliveries
                where state = 'pending'
                order by receiver_url, entity_kind, entity_id, version),
            picked as (
                select d.id from {_s}.notification_deliveries d join heads h on h.id = d.id
                where (h.lease_until is null or h.lease_until <= $1) and h.next_attempt_at <= $1
                order by h.next_attempt_at, d.id
                limit $3
                for update of d skip locked)
            update {_s}.notification_deliveries d set lease_until = $2 from picked where d.id = picked.id
            returning {DeliveryColumns}
            """);
        Add(command, now, leaseUntil, limit);
        return await ReadDeliveries(command, cancellationToken).ConfigureAwait(false);
    }

    public Task ReleaseAsync(long deliveryId, CancellationToken cancellationToken) =>
        ExecuteAsync($"update {_s}.notification_deliveries set lease_until = null where id = $1 and state = 'pending'", cancellationToken, deliveryId);

    public Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"update {_s}.notification_deliveries set state = 'delivered', attempts = attempts + 1, last_error = null, lease_until = null, finished_at = $2 where id = $1",
            cancellationToken,
            deliveryId,
            at);

    public Task MarkRetryAsync(long deliveryId, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"update {_s}.notification_deliveries set attempts = $2, next_attempt_at = $3, last_error = $4, lease_until = null where id = $1 and state = 'pending'",
            cancellationToken,
            deliveryId,
            attempts,
            nextAttemptAt,
            error);

    public Task MarkDeadAsync(long deliveryId, int attempts, DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"update {_s}.notification_deliveries set state = 'dead', attempts = $2, last_error = $4, lease_until = null, finished_at = $3 where id = $1",
            cancellationToken,
            deliveryId,
            attempts,
            at,
            error);

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(EntityKey key, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select {DeliveryColumns} from {_s}.notification_deliveries d where d.entity_kind = $1 and d.entity_id = $2 order by d.receiver_url, d.version");
        Add(command, key.Kind, key.Id);
        return await ReadDeliveries(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            with changes as (
                delete from {_s}.entity_changes c
                where c.created_at < $1
                  and c.version < (select max(m.version) from {_s}.entity_changes m where m.entity_kind = c.entity_kind and m.entity_id = c.entity_id)
                returning 1),
            deliveries as (
                delete from {_s}.notification_deliveries where state <> 'pending' and finished_at < $1 returning 1)
            select (select count(*) from changes) + (select count(*) from deliveries)
            """);
        Add(command, olderThan);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<InboxAdmission> AdmitAsync(WebhookEvent webhookEvent, DeliveryTrace? trace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        // A new event is leased to its intake request for a minute, so the processor does not apply it alongside.
        await using var command = _dataSource.CreateCommand(
            $"""
            with ins as (
                insert into {_s}.webhook_inbox (event_key, trigger_name, entity_kind, entity_id, received_at, next_attempt_at, traceparent, tracestate)
                values ($1, $2, $3, $4, $5, $5 + interval '1 minute', $6, $7)
                on conflict (event_key) do nothing
                returning 'pending'::text as state, null::text as last_error, true as is_new)
            select state, last_error, is_new from ins
            union all
            select state, last_error, false from {_s}.webhook_inbox where event_key = $1 and not exists (select 1 from ins)
            """);
        Add(command, webhookEvent.EventKey, webhookEvent.Trigger, webhookEvent.EntityKind, webhookEvent.EntityId, now, (object?)trace?.TraceParent ?? DBNull.Value, (object?)trace?.TraceState ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Inserted by a concurrent request whose transaction is not visible to this statement yet: a duplicate.
            return new InboxAdmission(false, InboxState.Pending, null);
        }

        return new InboxAdmission(reader.GetBoolean(2), ParseInboxState(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public Task MarkAppliedAsync(string eventKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync($"update {_s}.webhook_inbox set state = 'applied', last_error = null, finished_at = $2 where event_key = $1", cancellationToken, eventKey, now);

    public Task MarkRejectedAsync(string eventKey, DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        ExecuteAsync($"update {_s}.webhook_inbox set state = 'rejected', last_error = $3, finished_at = $2 where event_key = $1", cancellationToken, eventKey, now, error);

    public Task MarkRetryAsync(string eventKey, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"update {_s}.webhook_inbox set attempts = $2, next_attempt_at = $3, last_error = $4 where event_key = $1 and state = 'pending'",
            cancellationToken,
            eventKey,
            attempts,
            nextAttemptAt,
            error);

    async Task<IReadOnlyList<PendingWebhookEvent>> IWebhookInbox.ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            with picked as (
                select event_key from {_s}.webhook_inbox where state = 'pending' and next_attempt_at <= $1
                order by next_attempt_at limit $3 for update skip locked)
            update {_s}.webhook_inbox i set next_attempt_at = $2 from picked where i.event_key = picked.event_key
            returning i.event_key, i.trigger_name, i.entity_kind, i.entity_id, i.attempts, i.traceparent, i.tracestate
            """);
        Add(command, now, leaseUntil, limit);
        var due = new List<PendingWebhookEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new PendingWebhookEvent(
                new WebhookEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : new DeliveryTrace(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6))));
        }

        return due;
    }

    async Task<int> IWebhookInbox.PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"delete from {_s}.webhook_inbox where state <> 'pending' and finished_at < $1");
        Add(command, olderThan);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static InboxState ParseInboxState(string text) => text switch
    {
        "applied" => InboxState.Applied,
        "rejected" => InboxState.Rejected,
        _ => InboxState.Pending,
    };

    private static DeliveryState ParseDeliveryState(string text) => text switch
    {
        "delivered" => DeliveryState.Delivered,
        "dead" => DeliveryState.Dead,
        _ => DeliveryState.Pending,
    };

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }

    private static async Task<IReadOnlyList<EntityChangeRecord>> ReadChanges(NpgsqlCommand command, EntityKey key, CancellationToken cancellationToken)
    {
        var changes = new List<EntityChangeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new EntityChangeRecord(key, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return changes;
    }

    private static async Task<IReadOnlyList<NotificationDelivery>> ReadDeliveries(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var deliveries = new List<NotificationDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add(new NotificationDelivery(
                reader.GetInt64(0),
                new Uri(reader.GetString(1)),
                new EntityKey(reader.GetString(2), reader.GetInt64(3)),
                reader.GetInt64(4),
                reader.GetString(5),
                ParseDeliveryState(reader.GetString(6)),
                reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : new DeliveryTrace(reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12))));
        }

        return deliveries;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = _dataSource.CreateCommand(sql);
        Add(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
