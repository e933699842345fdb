namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// A stable 64-bit FNV-1a hash of a feature's kind and characters, so a model file names its features without
/// storing their text and scoring looks them up without allocating.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The hash of <paramref name="text"/> as a feature of <paramref name="kind"/>.</summary>
    public static ulong Of(FeatureKind kind, ReadOnlySpan<char> text)
    {
        var hash = (Offset ^ (byte)kind) * Prime;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
