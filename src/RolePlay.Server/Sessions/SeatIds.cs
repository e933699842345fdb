using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Server.Sessions;

/// <summary>Public seat ids: derived from the participant token, so rosters can name a seat without revealing the credential.</summary>
public static class SeatIds
{
    /// <summary>The public id of the seat that <paramref name="token"/> holds.</summary>
    public static string Of(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)))[..16];

    /// <summary>The SignalR group of every connection that holds this seat, for events to that one participant.</summary>
    internal static string SignalRGroup(string token) => "s:" + Of(token);
}
