using System.Text.Json.Serialization;

namespace RolePlay.Contracts;

/// <summary>
/// Why the server refused a call. Programs switch on the code, people read the text that comes with it (in their
/// language). Over HTTP the code is the problem document's <c>code</c>; over the hub it leads the error message (see
/// <see cref="HubRefusal"/>). Every code has one <see cref="RefusalKind"/> (<see cref="RefusalCodes.KindOf"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefusalCode>))]
public enum RefusalCode
{
    // Joining and seats

    /// <summary>A join without a usable name.</summary>
    NameRequired,

    /// <summary>No session has the join code.</summary>
    JoinCodeUnknown,

    /// <summary>The join code is an ended session's.</summary>
    JoinCodeEnded,

    /// <summary>The scenario has no such role (and it is not <see cref="RoleIds.Observer"/>).</summary>
    RoleUnknown,

    /// <summary>The group belongs to another session.</summary>
    GroupNotInSession,

    /// <summary>Someone already holds that seat.</summary>
    SeatTaken,

    /// <summary>Every group's seat for that role is taken.</summary>
    NoFreeSeat,

    /// <summary>The session has as many observers as it admits.</summary>
    ObserversFull,

    /// <summary>More people are joining the session per minute than it admits.</summary>
    JoinsBusy,

    /// <summary>The connection already holds a seat.</summary>
    ConnectionHasSeat,

    /// <summary>The server does not know the participant token: forget it and join again.</summary>
    SeatUnknown,

    /// <summary>The seat is being moved by the instructor; try again in a moment.</summary>
    SeatBeingMoved,

    /// <summary>A seat-only call from a connection that has not joined.</summary>
    NoSeatYet,

    /// <summary>The seat's role may not do that (an observer speaking, a player rating turns, staff rating satisfaction).</summary>
    NotYourRole,

    /// <summary>The instructor moved a seat that no one holds any more.</summary>
    SeatGone,

    /// <summary>The instructor moved someone to where they already sit.</summary>
    AlreadySeated,

    // Playing

    /// <summary>The session is still in the lobby.</summary>
    SessionNotStarted,

    /// <summary>The instructor has paused the session.</summary>
    SessionPaused,

    /// <summary>The session has ended: nothing more can be said, moved, paused or resumed.</summary>
    SessionEnded,

    /// <summary>A line, comment or answer with nothing visible in it.</summary>
    EmptyText,

    /// <summary>A line, comment or answer longer than its limit.</summary>
    TooLong,

    /// <summary>The scene's own rules refused the turn (not in the scene yet, three lines in a row, no such action or event, the scene is over).</summary>
    PlayRule,

    /// <summary>The database refused the write: nothing was changed, try again.</summary>
    CouldNotSave,

    /// <summary>Calls faster than a connection may make them.</summary>
    TooFast,

    /// <summary>Too many guesses (logins, keys, join codes) from one network address.</summary>
    TooManyAttempts,

    // The instructor's controls

    /// <summary>An instructor-only call without the key or the login.</summary>
    InstructorOnly,

    /// <summary>A login with the wrong key.</summary>
    WrongKey,

    /// <summary>No session has that id.</summary>
    SessionUnknown,

    /// <summary>No group has that id.</summary>
    GroupUnknown,

    /// <summary>A launch names a scenario the library does not have.</summary>
    ScenarioUnknown,

    /// <summary>There is no scenario at that address.</summary>
    ScenarioNotFound,

    /// <summary>A group count outside 1 to 200.</summary>
    GroupCount,

    /// <summary>An override of a turn that has no verdicts.</summary>
    NotAScoredTurn,

    /// <summary>An override without a principle id or with a verdict other than −1, 0 or 1.</summary>
    BadOverride,

    // People's judgements

    /// <summary>A comment or rating of a turn the group does not have (yet).</summary>
    TurnUnknown,

    /// <summary>A rating of a turn that is not a staff line or action.</summary>
    NotAStaffTurn,

    /// <summary>A rating or reflection with nothing in it.</summary>
    NothingRated,

    /// <summary>A rating of something that is not one of the five principles.</summary>
    PrincipleUnknown,

    /// <summary>A satisfaction rating of something that is not a satisfaction item.</summary>
    SatisfactionItemUnknown,

    /// <summary>A rating outside its scale.</summary>
    OutOfRange,

    /// <summary>More answers than the outcome has questions.</summary>
    TooManyAnswers,

    /// <summary>Satisfaction or reflection before the scene has ended.</summary>
    SceneNotOver,

    // Scenario files and connections

    /// <summary>An upload whose scenario id the library already has.</summary>
    ScenarioIdTaken,

    /// <summary>An upload that is not a valid scenario; the problem's <c>errors</c> say what to fix.</summary>
    ScenarioInvalid,

    /// <summary>An upload larger than any scenario may be.</summary>
    ScenarioTooLarge,

    /// <summary>A hub connection from a foreign page.</summary>
    ForeignOrigin,

    /// <summary>In a cluster, the message service (Redis) is unreachable: the line was neither stored nor sent; try again.</summary>
    MessagingDown,

    /// <summary>In a cluster, the server running the group stopped and another is taking it over with every line so far; try again in a few seconds.</summary>
    GroupMoving,
}

/// <summary>What sort of refusal a code is; over HTTP it is the status (<see cref="RefusalCodes.HttpStatus"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefusalKind>))]
public enum RefusalKind
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,

    /// <summary>Only the instructor may do that, and the caller did not prove to be (401).</summary>
    Unauthorized,

    /// <summary>The caller may not do that (403).</summary>
    Forbidden,

    /// <summary>What the request names does not exist (404).</summary>
    NotFound,

    /// <summary>The request clashes with the state things are in (409).</summary>
    Conflict,

    /// <summary>It existed and is over (410).</summary>
    Gone,

    /// <summary>The request is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>Too many requests; wait and try again (429).</summary>
    TooMany,

    /// <summary>The server could not do it just now; try again (503).</summary>
    Unavailable,
}

/// <summary>The kind of every refusal code, and the HTTP status of every kind.</summary>
public static class RefusalCodes
{
    /// <summary>The kind of <paramref name="code"/>.</summary>
    public static RefusalKind KindOf(this RefusalCode code) => code switch
    {
        RefusalCode.NameRequired or RefusalCode.RoleUnknown or RefusalCode.GroupNotInSession or RefusalCode.EmptyText or RefusalCode.TooLong
            or RefusalCode.ScenarioUnknown or RefusalCode.GroupCount or RefusalCode.NotAScoredTurn or RefusalCode.BadOverride
            or RefusalCode.NotAStaffTurn or RefusalCode.NothingRated or RefusalCode.PrincipleUnknown or RefusalCode.SatisfactionItemUnknown
            or RefusalCode.OutOfRange or RefusalCode.TooManyAnswers or RefusalCode.ScenarioInvalid => RefusalKind.Invalid,
        RefusalCode.InstructorOnly or RefusalCode.WrongKey => RefusalKind.Unauthorized,
        RefusalCode.NoSeatYet or RefusalCode.NotYourRole or RefusalCode.ForeignOrigin => RefusalKind.Forbidden,
        RefusalCode.JoinCodeUnknown or RefusalCode.SeatUnknown or RefusalCode.SeatGone or RefusalCode.SessionUnknown or RefusalCode.GroupUnknown
            or RefusalCode.ScenarioNotFound or RefusalCode.TurnUnknown => RefusalKind.NotFound,
        RefusalCode.SeatTaken or RefusalCode.NoFreeSeat or RefusalCode.ObserversFull or RefusalCode.ConnectionHasSeat or RefusalCode.SeatBeingMoved
            or RefusalCode.AlreadySeated or RefusalCode.SessionNotStarted or RefusalCode.SessionPaused or RefusalCode.SessionEnded
            or RefusalCode.PlayRule or RefusalCode.SceneNotOver or RefusalCode.ScenarioIdTaken => RefusalKind.Conflict,
        RefusalCode.JoinCodeEnded => RefusalKind.Gone,
        RefusalCode.ScenarioTooLarge => RefusalKind.TooLarge,
        RefusalCode.JoinsBusy or RefusalCode.TooFast or RefusalCode.TooManyAttempts => RefusalKind.TooMany,
        RefusalCode.CouldNotSave or RefusalCode.MessagingDown or RefusalCode.GroupMoving => RefusalKind.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a refusal code without a kind"),
    };

    /// <summary>The HTTP status a refusal of <paramref name="kind"/> answers with.</summary>
    public static int HttpStatus(this RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => 400,
        RefusalKind.Unauthorized => 401,
        RefusalKind.Forbidden => 403,
        RefusalKind.NotFound => 404,
        RefusalKind.Conflict => 409,
        RefusalKind.Gone => 410,
        RefusalKind.TooLarge => 413,
        RefusalKind.TooMany => 429,
        RefusalKind.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a refusal kind without a status"),
    };
}

/// <summary>
/// A refusal as a hub error carries it. SignalR passes only a message, and delivers it as
/// <c>An unexpected error occurred invoking 'Say' on the server. HubException: [SeatUnknown] That seat is unknown; …</c>:
/// the code in brackets, a space, then the text in the connection's language. <see cref="Parse"/> reads it back.
/// </summary>
/// <param name="Text">The sentence to show, already in the connection's language.</param>
public sealed record HubRefusal(RefusalCode Code, string Text)
{
    // What SignalR puts before the server's own message.
    private const string Marker = "HubException: ";

    /// <summary>The hub error message: <c>[Code] text</c>.</summary>
    public string ToMessage() => $"[{Code}] {Text}";

    /// <summary>
    /// The refusal in a hub error's message (with or without SignalR's prefix), or null when the message carries no
    /// code — the call failed for another reason.
    /// </summary>
    public static HubRefusal? Parse(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        var own = at >= 0 ? message.AsSpan(at + Marker.Length) : message.AsSpan();
        var close = own.IndexOf("] ", StringComparison.Ordinal);
        if (own.Length == 0 || own[0] != '[' || close < 2)
        {
            return null;
        }

        // Enum.TryParse also takes numbers and comma lists: only a code's own name counts.
        var name = own[1..close];
        return char.IsAsciiLetterUpper(name[0]) && !name.Contains(',') && Enum.TryParse<RefusalCode>(name, ignoreCase: false, out var code) && Enum.IsDefined(code)
            ? new HubRefusal(code, own[(close + 2)..].ToString())
            : null;
    }
}
