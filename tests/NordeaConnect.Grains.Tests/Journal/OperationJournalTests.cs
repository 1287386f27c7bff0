using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Journal;

public sealed class OperationJournalTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(string key, JournalStatus status, string fingerprint = "f1", DateTimeOffset? at = null) => new()
    {
        Key = key,
        Operation = OperationNames.Refund,
        Fingerprint = fingerprint,
        Status = status,
        StartedAt = at ?? Start,
        CompletedAt = status is JournalStatus.Intent or JournalStatus.Unknown ? null : at ?? Start,
        Outcome = status is JournalStatus.Intent or JournalStatus.Unknown ? null : new JournalOutcome { Code = ResultCode.Success, Description = "ok" },
    };

    [Fact]
    public void Lookup_tells_new_replay_reuse_doubt_and_retry_apart()
    {
        var journal = OperationJournal.Empty
            .Begin(Entry("done", JournalStatus.Done))
            .Begin(Entry("failed", JournalStatus.Failed))
            .Begin(Entry("intent", JournalStatus.Intent))
            .Begin(Entry("unknown", JournalStatus.Unknown))
            .Begin(Entry("notdone", JournalStatus.NotDone));

        Assert.Equal(JournalLookupKind.New, journal.Lookup("other", "f1").Kind);
        Assert.Equal(JournalLookupKind.Replay, journal.Lookup("done", "f1").Kind);
        Assert.Equal(JournalLookupKind.Replay, journal.Lookup("failed", "f1").Kind);
        Assert.Equal(JournalLookupKind.AwaitingReconciliation, journal.Lookup("intent", "f1").Kind);
        Assert.Equal(JournalLookupKind.AwaitingReconciliation, journal.Lookup("unknown", "f1").Kind);
        Assert.Equal(JournalLookupKind.Retry, journal.Lookup("notdone", "f1").Kind);
        Assert.Equal(JournalLookupKind.KeyReused, journal.Lookup("done", "f2").Kind);
        Assert.Equal(JournalLookupKind.KeyReused, journal.Lookup("notdone", "f2").Kind);
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var journal = OperationJournal.Empty.Begin(Entry("Key-1", JournalStatus.Done));

        Assert.Equal(JournalLookupKind.New, journal.Lookup("key-1", "f1").Kind);
    }

    [Fact]
    public void A_not_done_entry_becomes_the_next_attempt_and_keeps_its_history()
    {
        var journal = OperationJournal.Empty.Begin(Entry("k", JournalStatus.NotDone).WithNote(Start, "reconciled as not done"));

        var retried = journal.Begin(Entry("k", JournalStatus.Intent).WithNote(Start.AddMinutes(1), "intent again"));

        var entry = Assert.Single(retried.Entries);
        Assert.Equal(JournalStatus.Intent, entry.Status);
        Assert.Equal(2, entry.Attempts);
        Assert.Null(entry.Outcome);
        Assert.Equal(["reconciled as not done", "intent again"], entry.Notes.Select(note => note.Text));
    }

    [Theory]
    [InlineData(JournalStatus.Done)]
    [InlineData(JournalStatus.Failed)]
    [InlineData(JournalStatus.Intent)]
    [InlineData(JournalStatus.Unknown)]
    public void Only_a_not_done_entry_may_be_begun_again(JournalStatus status)
    {
        var journal = OperationJournal.Empty.Begin(Entry("k", status));

        Assert.Throws<InvalidOperationException>(() => journal.Begin(Entry("k", JournalStatus.Intent)));
    }

    [Fact]
    public void A_failed_entry_may_be_replaced_when_the_operation_allows_it()
    {
        var journal = OperationJournal.Empty.Begin(Entry("k", JournalStatus.Failed, "card-a"));

        var replaced = journal.Begin(Entry("k", JournalStatus.Intent, "card-b"), replaceFailed: true);

        Assert.Equal("card-b", Assert.Single(replaced.Entries).Fingerprint);
    }

    [Fact]
    public void Trim_drops_the_oldest_completed_entries_beyond_the_count()
    {
        var journal = OperationJournal.Empty;
        for (var i = 0; i < 10; i++)
        {
            journal = journal.Begin(Entry("k" + i, JournalStatus.Done, at: Start.AddMinutes(i)));
        }

        var trimmed = journal.Trim(new JournalRetention { MaxEntries = 3 }, Start.AddMinutes(10));

        Assert.Equal(["k7", "k8", "k9"], trimmed.Entries.Select(entry => entry.Key));
    }

    [Fact]
    public void Trim_drops_completed_entries_older_than_the_age()
    {
        var journal = OperationJournal.Empty
            .Begin(Entry("old", JournalStatus.Done, at: Start))
            .Begin(Entry("new", JournalStatus.Done, at: Start.AddDays(6)));

        var trimmed = journal.Trim(new JournalRetention { MaxAge = TimeSpan.FromDays(7) }, Start.AddDays(8));

        Assert.Equal(["new"], trimmed.Entries.Select(entry => entry.Key));
    }

    [Fact]
    public void Trim_never_drops_an_entry_awaiting_reconciliation()
    {
        var journal = OperationJournal.Empty
            .Begin(Entry("in-doubt", JournalStatus.Unknown, at: Start))
            .Begin(Entry("crashed", JournalStatus.Intent, at: Start))
            .Begin(Entry("a", JournalStatus.Done, at: Start.AddDays(30)))
            .Begin(Entry("b", JournalStatus.Done, at: Start.AddDays(30)));

        var trimmed = journal.Trim(new JournalRetention { MaxEntries = 1, MaxAge = TimeSpan.FromDays(1) }, Start.AddDays(30));

        Assert.Equal(["in-doubt", "crashed", "b"], trimmed.Entries.Select(entry => entry.Key));
    }

    [Fact]
    public void Trim_returns_the_same_journal_when_nothing_is_due()
    {
        var journal = OperationJournal.Empty.Begin(Entry("a", JournalStatus.Done));

        Assert.Same(journal, journal.Trim(JournalRetention.Default, Start));
    }

    [Fact]
    public void Retention_rejects_nonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JournalRetention { MaxEntries = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JournalRetention { MaxAge = TimeSpan.Zero }.Validate());
    }

    [Fact]
    public void Update_of_a_missing_key_names_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OperationJournal.Empty.Update("missing-key", entry => entry));

        Assert.Contains("missing-key", error.Message, StringComparison.Ordinal);
    }
}
