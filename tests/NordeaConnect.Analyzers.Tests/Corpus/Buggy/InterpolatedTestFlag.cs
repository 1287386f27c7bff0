using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public sealed class ParkingController
{
    private readonly string _merchant;
    private readonly string _secret;

    public ParkingController(string merchant, string secret)
    {
        _merchant = merchant;
        _secret = secret;
    }

    public Dictionary<string, string> Pay(string permitId, string amount, bool test) => new()
    {
        ["payment_ref"] = permitId,
        ["amount"] = amount,
        ["currency"] = "sek",
        ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{_merchant}{permitId}{amount}sek{{|NC2002:test|}}{_secret}"))),
    };
}
