using System.Collections.Immutable;

namespace NordeaConnect.Grains;

/// <summary>
/// A grain's record of its mutations, kept in the grain's persistent state (PostgreSQL in production). It is
/// immutable: every change returns a new journal, which the grain writes before and after each upstream call.
/// </summary>
public sealed record OperationJournal
{
    public static OperationJournal Empty { get; } = new();

    /// <summary>Oldest first.</summary>
    public ImmutableList<JournalEntry> Entries { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<JournalEntry> AwaitingReconciliation => Entries.Where(entry => entry.AwaitsReconciliation);

    public JournalEntry? Find(string key) => Entries.Find(entry => string.Equals(entry.Key, key, StringComparison.Ordinal));

    internal JournalLookup Lookup(string key, string fingerprint)
    {
        if (Find(key) is not { } entry)
        {
            return new JournalLookup(JournalLookupKind.New, null);
        }

        if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return new JournalLookup(JournalLookupKind.KeyReused, entry);
        }

        return entry.Status switch
        {
            JournalStatus.Done or JournalStatus.Failed => new JournalLookup(JournalLookupKind.Replay, entry),
            JournalStatus.NotDone => new JournalLookup(JournalLookupKind.Retry, entry),
            _ => new JournalLookup(JournalLookupKind.AwaitingReconciliation, entry),
        };
    }

    /// <summary>
    /// Records the intent to send <paramref name="entry"/>'s operation. A not-done entry under the same key becomes the
    /// next attempt; so does a failed one when <paramref name="replaceFailed"/> (a creation after a decline may be tried
    /// again with other card details).
    /// </summary>
    public OperationJournal Begin(JournalEntry entry, bool replaceFailed = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Find(entry.Key) is not { } existing)
        {
            return this with { Entries = Entries.Add(entry) };
        }

        if (existing.Status != JournalStatus.NotDone && !(replaceFailed && existing.Status == JournalStatus.Failed))
        {
            throw new InvalidOperationException($"Idempotency key '{entry.Key}' already has a {existing.Status} entry; only a NotDone entry may be attempted again.");
        }

        var retried = existing with
        {
            Status = JournalStatus.Intent,
            Attempts = existing.Attempts + 1,
            Operation = entry.Operation,
            Fingerprint = entry.Fingerprint,
            Details = entry.Details,
            CompletedAt = null,
            Outcome = null,
            Notes = existing.Notes.AddRange(entry.Notes),
        };
        return this with { Entries = Entries.Replace(existing, retried) };
    }

    /// <summary>Applies <paramref name="change"/> to the entry under <paramref name="key"/>.</summary>
    public OperationJournal Update(string key, Func<JournalEntry, JournalEntry> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var existing = Find(key) ?? throw new InvalidOperationException($"The journal has no entry under idempotency key '{key}'.");
        return this with { Entries = Entries.Replace(existing, change(existing)) };
    }

    /// <summary>Drops completed entries beyond the retention's count or age; entries awaiting reconciliation always stay.</summary>
    public OperationJournal Trim(JournalRetention retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var completed = Entries.Count(entry => !entry.AwaitsReconciliation);
        var excess = completed - retention.MaxEntries;
        var cutoff = now - retention.MaxAge;
        if (excess <= 0 && !Entries.Any(entry => !entry.AwaitsReconciliation && (entry.CompletedAt ?? entry.StartedAt) < cutoff))
        {
            return this;
        }

        var kept = ImmutableList.CreateBuilder<JournalEntry>();
        foreach (var entry in Entries)
        {
            if (entry.AwaitsReconciliation)
            {
                kept.Add(entry);
                continue;
            }

            // Entries are oldest first, so the first completed ones are the excess.
            if (excess > 0)
            {
                excess--;
                continue;
            }

            if ((entry.CompletedAt ?? entry.StartedAt) >= cutoff)
            {
                kept.Add(entry);
            }
        }

        return this with { Entries = kept.ToImmutable() };
    }
}
