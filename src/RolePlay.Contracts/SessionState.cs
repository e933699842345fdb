using System.Text.Json.Serialization;

namespace RolePlay.Contracts;

/// <summary>
/// Where a session is in its life: lobby → running ⇄ paused → ended, and nothing leaves ended. Messages and the HTTP
/// API name it in lower case; the database stores the number, so the order never changes.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionState>))]
public enum SessionState
{
    /// <summary>Students are joining; no turns yet.</summary>
    [JsonStringEnumMemberName("lobby")]
    Lobby,

    /// <summary>Play is open in every group.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The instructor paused play.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>The instructor ended the session.</summary>
    [JsonStringEnumMemberName("ended")]
    Ended,
}
