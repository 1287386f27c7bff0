using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class MembershipFees
{
    public static List<KeyValuePair<string, string>> Create(decimal fee) => new()
    {
        new KeyValuePair<string, string>("amount", {|NC1001:Convert.ToString(fee)|}),
        new KeyValuePair<string, string>("currency", "sek"),
    };
}
