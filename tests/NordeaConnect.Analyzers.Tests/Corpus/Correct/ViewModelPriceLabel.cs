using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class ProductViewModel
{
    public string Name { get; set; } = "";
    public string Price { get; set; } = "";

    public static ProductViewModel From(string name, decimal price) =>
        new() { Name = name, Price = price.ToString("C", CultureInfo.GetCultureInfo("sv-SE")) };
}
