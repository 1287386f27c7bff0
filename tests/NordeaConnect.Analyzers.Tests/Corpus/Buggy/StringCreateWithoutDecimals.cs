using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class LibraryFines
{
    public static Dictionary<string, string> Create(string loanId, decimal fine) => new()
    {
        ["payment_ref"] = loanId,
        ["amount"] = string.Create(CultureInfo.InvariantCulture, $"{{|NC1004:fine|}}"),
        ["currency"] = "sek",
    };
}
