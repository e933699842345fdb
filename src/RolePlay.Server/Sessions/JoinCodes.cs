using System.Security.Cryptography;

namespace RolePlay.Server.Sessions;

/// <summary>Short join codes and secret tokens.</summary>
internal static class JoinCodes
{
    // No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read off a projector and typed on phones.
    private const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    /// <summary>A six-character code from the unambiguous alphabet.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>Upper-cases and strips spaces and dashes, so "acd-efg" finds "ACDEFG".</summary>
    public static string Normalize(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>A 128-bit random token, hex.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>A short random id for rows.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
}
