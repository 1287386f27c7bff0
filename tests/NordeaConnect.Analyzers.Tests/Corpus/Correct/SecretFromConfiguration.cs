using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class NordeaConnectSettings
{
    public string MerchantId { get; set; } = "";
    public string HashSecret { get; set; } = "";
}

public static class SettingsReader
{
    public static NordeaConnectSettings Read(IReadOnlyDictionary<string, string> configuration) => new()
    {
        MerchantId = configuration["NordeaConnect:MerchantId"],
        HashSecret = configuration["NordeaConnect:HashSecret"],
    };
}
