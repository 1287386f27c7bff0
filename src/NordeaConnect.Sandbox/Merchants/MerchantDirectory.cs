using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Sandbox.Merchants;

/// <summary>The merchants that may call the sandbox, checked in constant time.</summary>
internal sealed class MerchantDirectory
{
    private readonly FrozenDictionary<string, SandboxMerchant> _byId;

    public MerchantDirectory(IOptions<SandboxOptions> options)
    {
        var merchants = options.Value.EffectiveMerchants;
        foreach (var merchant in merchants)
        {
            if (string.IsNullOrWhiteSpace(merchant.Id) || merchant.Id.Contains(':', StringComparison.Ordinal))
            {
                throw new OptionsValidationException(SandboxOptions.SectionName, typeof(SandboxOptions),
                    ["A merchant id must be non-empty and contain no ':' (it is the Basic auth user name)."]);
            }
        }

        var duplicate = merchants.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new OptionsValidationException(SandboxOptions.SectionName, typeof(SandboxOptions),
                [$"The merchant id {duplicate.Key} is configured more than once."]);
        }

        _byId = merchants.Select(m => m.Copy()).ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<SandboxMerchant> All => _byId.Values;

    public bool TryGet(string merchantId, out SandboxMerchant merchant) => _byId.TryGetValue(merchantId, out merchant!);

    /// <summary>The merchant whose id and password these are, or null; the password compare takes constant time.</summary>
    public SandboxMerchant? Authenticate(string merchantId, string password)
    {
        var known = _byId.TryGetValue(merchantId, out var merchant);
        var expected = Encoding.UTF8.GetBytes(known ? merchant!.Password : "\0not-a-merchant");
        var given = Encoding.UTF8.GetBytes(password);
        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(expected), SHA256.HashData(given));
        return known && matches ? merchant : null;
    }
}
