using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public sealed class PaymentSettings
{
    public string MerchantId { get; set; } = "m-2001";
    public string HashSecret { get; set; } = {|NC2006:"9b8c7d6e5f"|};
}
