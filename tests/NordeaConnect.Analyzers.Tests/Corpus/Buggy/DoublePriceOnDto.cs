using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public sealed class RefundDto
{
    public long TransactionId { get; set; }
    public double {|NC1002:Amount|} { get; set; }
}
