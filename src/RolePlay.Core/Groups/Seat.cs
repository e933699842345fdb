namespace RolePlay.Core.Groups;

/// <summary>
/// A seat taken in a group: the participant's token (their only credential, never shown to others), the role they
/// play or <see cref="ObserverRole"/>, their name, when they joined (the roster's order), and how many live
/// connections hold it now. Connections are presence, not history: a restored group starts with none.
/// </summary>
public sealed record Seat(string Token, string Role, string Name, DateTime JoinedUtc, int Connections = 0)
{
    /// <summary>The role name of observers, who watch and rate but never speak.</summary>
    public const string ObserverRole = "observer";

    /// <summary>True for an observer's seat.</summary>
    public bool IsObserver => Role == ObserverRole;

    /// <summary>True while at least one connection holds the seat.</summary>
    public bool Connected => Connections > 0;
}
