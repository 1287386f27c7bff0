using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class ClinicPaymentsFixed
{
    public static string Build(string merchantId, string secret, string appointmentNo, decimal fee)
    {
        var amount = fee.ToString("0.00", CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + appointmentNo + amount + "sek" + "false" + secret)));
        return $"merchant_id={merchantId}&payment_ref={appointmentNo}&amount={amount}&currency=sek&test=false&hash={hash}";
    }
}
