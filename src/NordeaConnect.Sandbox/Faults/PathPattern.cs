namespace NordeaConnect.Sandbox.Faults;

/// <summary>Matches request paths against <c>/v1/transactions/*/refunds</c>-style patterns (<c>*</c> within a segment, <c>**</c> across segments).</summary>
internal static class PathPattern
{
    public static void Validate(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern[0] != '/' || pattern.Length > 512)
        {
            throw new ArgumentException("\"path\" must be a pattern starting with '/', such as /v1/transactions/*/refunds or /v1/**.", nameof(pattern));
        }

        if (pattern.Split('/').Any(segment => segment.Contains("**", StringComparison.Ordinal) && segment != "**"))
        {
            throw new ArgumentException("\"path\": '**' must be a whole segment, as in /v1/**.", nameof(pattern));
        }
    }

    public static bool Matches(string pattern, string path)
    {
        var patternSegments = pattern.Trim('/').Split('/');
        var pathSegments = path.Trim('/').Split('/');
        return MatchSegments(patternSegments, 0, pathSegments, 0);
    }

    private static bool MatchSegments(string[] pattern, int p, string[] path, int s)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == "**")
            {
                // Try every split point; patterns are short, so the backtracking stays cheap.
                for (var rest = s; rest <= path.Length; rest++)
                {
                    if (MatchSegments(pattern, p + 1, path, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || !MatchSegment(pattern[p], path[s]))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length;
    }

    private static bool MatchSegment(string pattern, string segment)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, segment, StringComparison.OrdinalIgnoreCase);
        }

        if (!segment.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) || !segment.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase)
            || segment.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = segment.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = segment.IndexOf(parts[i], position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
