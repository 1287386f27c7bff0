using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class StoreLocator
{
    public static string Url(double latitude, double longitude, int radiusKm) =>
        "https://maps.example/search?lat=" + latitude.ToString(CultureInfo.InvariantCulture) + "&lon=" + longitude.ToString(CultureInfo.InvariantCulture) + "&radius=" + radiusKm;
}
