using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class ShopAccounts
{
    public static readonly Dictionary<string, (string MerchantId, string Secret)> ByShop = new()
    {
        ["se"] = ("m-1001", {|NC2006:"c0ffee-se-9f8e"|}),
        ["no"] = ("m-1002", {|NC2006:"c0ffee-no-1a2b"|}),
    };
}
