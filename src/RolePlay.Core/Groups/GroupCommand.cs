namespace RolePlay.Core.Groups;

/// <summary>
/// Something asked of a group, handed to <see cref="GroupState.Handle"/> with the time it happens. Role names are the
/// scenario's role ids; the caller has already decided who may ask (a seat speaks only as its own role).
/// </summary>
public abstract record GroupCommand
{
    private GroupCommand()
    {
    }

    /// <summary>A role says something.</summary>
    public sealed record Say(string Role, string Text) : GroupCommand;

    /// <summary>A role takes one of the stage's actions.</summary>
    public sealed record Act(string Role, string ActionId) : GroupCommand;

    /// <summary>A role's player steps into the scene, where the scenario lets the role step in unasked.</summary>
    public sealed record StepIn(string Role) : GroupCommand;

    /// <summary>The instructor brings a role that is not in the scene into the current stage.</summary>
    public sealed record BringIn(string Role) : GroupCommand;

    /// <summary>The instructor injects a scenario event.</summary>
    public sealed record InjectEvent(string EventId) : GroupCommand;

    /// <summary>Time passes: a timed transition whose time has come fires.</summary>
    public sealed record Tick : GroupCommand;

    /// <summary>The bot whose move it is (<see cref="GroupState.BotToMove"/>) plays it; nothing happens when no bot is due.</summary>
    public sealed record BotMove : GroupCommand;

    /// <summary>
    /// A participant takes a seat in this group (joining, or moved in from another group with their connections), or a
    /// seat already here changes role (its connections stay). The session has checked the seat is free.
    /// </summary>
    public sealed record TakeSeat(Seat Seat) : GroupCommand;

    /// <summary>A participant's seat leaves this group (moved elsewhere).</summary>
    public sealed record LeaveSeat(string Token) : GroupCommand;

    /// <summary>A connection attaches to a seat; <paramref name="NewConnection"/> counts it (false when the same connection rejoins).</summary>
    public sealed record Attach(string Token, bool NewConnection) : GroupCommand;

    /// <summary>A connection holding a seat closed.</summary>
    public sealed record Detach(string Token) : GroupCommand;

    /// <summary>Play opens for the first time: turn times count from now. Later calls change nothing.</summary>
    public sealed record StartClock : GroupCommand;

    /// <summary>The session moved to <paramref name="Phase"/>; ending it ends an unfinished scene with the scenario's unfinished outcome.</summary>
    public sealed record SetPhase(GroupPhase Phase) : GroupCommand;

    /// <summary>Bots play the empty seats from now on, or stop.</summary>
    public sealed record SetBots(bool Enabled) : GroupCommand;

    /// <summary>Students see verdicts from the next turn on, or stop seeing them.</summary>
    public sealed record SetLiveFeedback(bool Enabled) : GroupCommand;
}
