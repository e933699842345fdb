namespace RolePlay.Client.Live;

/// <summary>
/// A client's connection to the hub at <c>/hubs/roleplay</c>: the methods of docs/protocol.md and its events.
/// The pages talk only to this, so component tests can hand them a fake.
/// </summary>
public interface IRolePlayConnection : IAsyncDisposable
{
    /// <summary>An accepted turn (in seq order).</summary>
    event Func<TurnMessage, Task>? Turn;

    /// <summary>The group entered a stage.</summary>
    event Func<StageInfo, Task>? Stage;

    /// <summary>The customer's mood changed.</summary>
    event Func<MoodInfo, Task>? Mood;

    /// <summary>Seats or bots changed.</summary>
    event Func<RosterMessage, Task>? Roster;

    /// <summary>A group's scene reached an outcome.</summary>
    event Func<EndedMessage, Task>? Ended;

    /// <summary>The session was started, paused, resumed or ended, or live feedback was switched.</summary>
    event Func<SessionStateMessage, Task>? SessionState;

    /// <summary>The instructor moved this participant to another seat.</summary>
    event Func<MovedMessage, Task>? Moved;

    /// <summary>The link changed: connecting, connected, reconnecting, reconnected (to rejoin), or closed.</summary>
    event Func<LinkState, Task>? LinkChanged;

    /// <summary>The link's current state.</summary>
    LinkState Link { get; }

    /// <summary>Opens the connection (retrying until it succeeds or <paramref name="cancellationToken"/> fires).</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a seat with the join code.</summary>
    Task<JoinResult> JoinAsync(JoinRequest request);

    /// <summary>Returns to a seat with its participant token.</summary>
    Task<JoinResult> RejoinAsync(string participantToken);

    /// <summary>Says a line as this seat's role.</summary>
    Task<TurnMessage> SayAsync(string text);

    /// <summary>Takes an action as this seat's role.</summary>
    Task<TurnMessage> ActAsync(string actionId);

    /// <summary>Steps this seat's role into the scene, where the scenario allows it.</summary>
    Task StepInAsync();

    /// <summary>Instructor: brings a role that is not in the scene yet into one group.</summary>
    Task BringInAsync(string groupId, string role);

    /// <summary>Observer: rates one staff turn against the five principles.</summary>
    Task RateTurnAsync(int seq, IReadOnlyDictionary<string, int> verdicts);

    /// <summary>Customer player: rates satisfaction once the scene has ended.</summary>
    Task RateSatisfactionAsync(SatisfactionRating rating);

    /// <summary>Saves this seat's answers to the reflection questions.</summary>
    Task SubmitReflectionAsync(IReadOnlyList<string> answers);

    /// <summary>Instructor: receive every event of a session; returns every group's scene.</summary>
    Task<IReadOnlyList<GroupSnapshot>> WatchSessionAsync(string sessionId);

    /// <summary>Instructor: opens or resumes play.</summary>
    Task StartSessionAsync(string sessionId);

    /// <summary>Instructor: pauses play.</summary>
    Task PauseSessionAsync(string sessionId);

    /// <summary>Instructor: ends the session.</summary>
    Task EndSessionAsync(string sessionId);

    /// <summary>Instructor: lets bots play the empty seats, or stops them.</summary>
    Task SetBotsAsync(string sessionId, bool enabled);

    /// <summary>Instructor: shows or hides verdicts to students during play.</summary>
    Task SetLiveFeedbackAsync(string sessionId, bool enabled);

    /// <summary>Instructor: injects a scenario event into one group.</summary>
    Task InjectEventAsync(string groupId, string eventId);

    /// <summary>Instructor: moves a participant to another group and role.</summary>
    Task MoveSeatAsync(string seatId, string groupId, string role);

    /// <summary>Instructor: overrides one verdict with a note.</summary>
    Task OverrideVerdictAsync(string groupId, int seq, string principle, int verdict, string note);

    /// <summary>Instructor: comments on a group, or on one of its turns.</summary>
    Task AddCommentAsync(string groupId, int? seq, string text);
}

/// <summary>Where a hub connection stands.</summary>
public enum LinkState
{
    /// <summary>Not started or starting.</summary>
    Connecting,

    /// <summary>Connected.</summary>
    Connected,

    /// <summary>Lost; retrying.</summary>
    Reconnecting,

    /// <summary>Back after a loss: the client must rejoin its seat or watch again.</summary>
    Reconnected,

    /// <summary>Closed for good.</summary>
    Closed,
}

/// <summary>Makes hub connections (one per page that needs one).</summary>
public interface IRolePlayConnectionFactory
{
    /// <summary>A new, not yet started connection.</summary>
    IRolePlayConnection Create();
}
