using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class ConcertTickets
{
    public static KeyValuePair<string, string>[] Create(string reference) => new[]
    {
        KeyValuePair.Create("payment_ref", reference),
        KeyValuePair.Create("amount", {|NC1003:"129"|}),
        KeyValuePair.Create("currency", "sek"),
    };
}
