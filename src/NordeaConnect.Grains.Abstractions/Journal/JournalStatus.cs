namespace NordeaConnect.Grains;

/// <summary>Where a journaled operation stands.</summary>
[GenerateSerializer, Alias("nordeaconnect.JournalStatus")]
public enum JournalStatus
{
    /// <summary>Recorded before the upstream call; no outcome yet. If it is still so at activation, the process died mid-call.</summary>
    Intent,

    /// <summary>The upstream call was made but its outcome is unknown (timeout, dropped connection, 5xx); awaits reconciliation.</summary>
    Unknown,

    /// <summary>Carried out upstream (seen in the response, or found there by reconciliation).</summary>
    Done,

    /// <summary>Refused by upstream; nothing was carried out.</summary>
    Failed,

    /// <summary>Reconciliation found upstream never carried it out; the same key may try it again.</summary>
    NotDone,
}
