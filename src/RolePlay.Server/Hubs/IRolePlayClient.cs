using RolePlay.Contracts;
namespace RolePlay.Server.Hubs;

/// <summary>The events the server sends to clients of <see cref="RolePlayHub"/>.</summary>
public interface IRolePlayClient
{
    /// <summary>An accepted turn.</summary>
    Task Turn(TurnMessage turn);

    /// <summary>The group entered a stage.</summary>
    Task Stage(StageInfo stage);

    /// <summary>The customer's mood changed.</summary>
    Task Mood(MoodInfo mood);

    /// <summary>Seats or bots changed.</summary>
    Task Roster(RosterMessage roster);

    /// <summary>The group's scene ended.</summary>
    Task Ended(EndedMessage ended);

    /// <summary>The session was started, paused, resumed or ended, or live feedback was switched.</summary>
    Task SessionState(SessionStateMessage state);

    /// <summary>The instructor moved this participant to another seat: rejoin with the same token for its scene.</summary>
    Task Moved(MovedMessage moved);
}
