using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NordeaConnect.Grains.Runtime.Postgres;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Postgres;

public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Nodes_migrating_together_apply_each_script_once_and_a_second_run_applies_nothing()
    {
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(PostgresDatabase.ConnectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(dataSources.Select(ds => new PostgresSchemaMigrator(ds, _database.Schema, NullLogger.Instance).MigrateAsync(CancellationToken.None)));

            Assert.Equal(PostgresSchemaMigrator.Embedded.Count, applied.Sum());
            Assert.Equal(0, await new PostgresSchemaMigrator(dataSources[0], _database.Schema, NullLogger.Instance).MigrateAsync(CancellationToken.None));
            Assert.Equal(PostgresSchemaMigrator.Embedded.Count, await _database.ScalarAsync<long>("select count(*) from {schema}.schema_migrations"));
            Assert.Equal(0L, await _database.ScalarAsync<long>("select count(*) from {schema}.grain_state"));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Applied_script_that_changed_stops_start_up_with_its_version_named()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresDatabase.ConnectionString);
        var migrator = new PostgresSchemaMigrator(dataSource, _database.Schema, NullLogger.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await _database.ExecuteAsync("update {schema}.schema_migrations set checksum = 'edited' where version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("Migration 0001", error.Message, StringComparison.Ordinal);
        Assert.Contains("must never change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_start_up_creates_the_tables_in_the_configured_schema()
    {
        await using var node = _database.CreateNode();

        await node.StartAsync();

        Assert.Equal(1L, await _database.ScalarAsync<long>($"select count(*) from information_schema.tables where table_schema = '{_database.Schema}' and table_name = 'grain_state'"));
    }
}
