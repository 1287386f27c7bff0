using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class ClinicPayments
{
    public static string Build(string merchantId, string secret, string appointmentNo, string fee)
    {
        var hash = {|NC2001:Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(appointmentNo + merchantId + fee + "sek" + "false" + secret)))|};
        return $"merchant_id={merchantId}&payment_ref={appointmentNo}&amount={fee}&currency=sek&test=false&hash={hash}";
    }
}
