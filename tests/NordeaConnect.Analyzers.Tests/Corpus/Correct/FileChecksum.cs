using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class Checksums
{
    public static string Of(byte[] content) => Convert.ToHexString(MD5.HashData(content));

    public static string ETag(string path, long length, DateTime modified) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(path + "|" + length + "|" + modified.Ticks)));
}
