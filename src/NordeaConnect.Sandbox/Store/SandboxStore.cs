using System.Collections.Concurrent;

namespace NordeaConnect.Sandbox.Store;

/// <summary>The in-memory state of the whole sandbox: one <see cref="MerchantBook"/> per merchant.</summary>
internal sealed class SandboxStore
{
    private readonly ConcurrentDictionary<string, MerchantBook> _books = new(StringComparer.Ordinal);
    private readonly EntityIds _ids = new();

    public MerchantBook For(string merchantId) => _books.GetOrAdd(merchantId, id => new MerchantBook(id, _ids));

    public IReadOnlyCollection<MerchantBook> Books => _books.Values.ToArray();
}
