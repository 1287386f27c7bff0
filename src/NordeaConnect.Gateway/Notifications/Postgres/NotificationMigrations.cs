namespace NordeaConnect.Gateway.Notifications.Postgres;

/// <summary>
/// The outbox's and the webhook inbox's schema, as numbered scripts applied in order by
/// <see cref="NotificationSchemaMigrator"/>. An applied script never changes (its checksum is checked at start-up);
/// a change to the schema is a new script at the end. <c>{schema}</c> is replaced by the quoted schema name.
/// </summary>
internal static class NotificationMigrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "create_outbox_and_inbox", """
            create table {schema}.entity_changes (
                entity_kind text not null,
                entity_id bigint not null,
                version bigint not null,
                reason text not null,
                message text not null,
                created_at timestamptz not null,
                primary key (entity_kind, entity_id, version));
            create index entity_changes_created_at on {schema}.entity_changes (created_at);

            create table {schema}.notification_subscriptions (
                entity_kind text not null,
                entity_id bigint not null,
                receiver_url text not null,
                created_at timestamptz not null default now(),
                primary key (entity_kind, entity_id, receiver_url));

            create table {schema}.notification_deliveries (
                id bigserial primary key,
                receiver_url text not null,
                entity_kind text not null,
                entity_id bigint not null,
                version bigint not null,
                message text not null,
                state text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
                attempts integer not null default 0,
                created_at timestamptz not null,
                next_attempt_at timestamptz not null,
                lease_until timestamptz,
                last_error text,
                finished_at timestamptz,
                unique (receiver_url, entity_kind, entity_id, version));
            create index notification_deliveries_pending on {schema}.notification_deliveries (receiver_url, entity_kind, entity_id, version) where state = 'pending';
            create index notification_deliveries_finished on {schema}.notification_deliveries (finished_at) where state <> 'pending';

            create table {schema}.webhook_inbox (
                event_key text primary key,
                trigger_name text not null,
                entity_kind text not null,
                entity_id bigint not null,
                state text not null default 'pending' check (state in ('pending', 'applied', 'rejected')),
                attempts integer not null default 0,
                received_at timestamptz not null,
                next_attempt_at timestamptz not null,
                last_error text,
                finished_at timestamptz);
            create index webhook_inbox_pending on {schema}.webhook_inbox (next_attempt_at) where state = 'pending';
            """),
        // The W3C trace context of the call that recorded the change, so its delivery continues that trace.
        (2, "delivery_trace_context", """
            alter table {schema}.notification_deliveries
                add column if not exists traceparent text,
                add column if not exists tracestate text;
            """),
        // The W3C trace context of the webhook's intake request, so the inbox's later attempts continue that trace.
        (3, "inbox_trace_context", """
            alter table {schema}.webhook_inbox
                add column if not exists traceparent text,
                add column if not exists tracestate text;
            """),
    ];
}
