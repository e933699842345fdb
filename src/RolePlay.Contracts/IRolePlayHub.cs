namespace RolePlay.Contracts;

/// <summary>
/// The methods clients call on the hub at <c>/hubs/roleplay</c>. A method is called by its name
/// (<c>nameof(IRolePlayHub.Say)</c>); its arguments and answer travel as JSON with camelCase fields. A refused call
/// changes nothing and fails with a <see cref="HubRefusal"/>.
/// </summary>
public interface IRolePlayHub
{
    /// <summary>
    /// Student: takes a seat with the join code: a scenario role, or <c>observer</c>. Without <c>groupId</c> the first
    /// group with that seat free is chosen.
    /// </summary>
    Task<JoinResult> Join(JoinRequest request);

    /// <summary>Student: returns to a seat with its token (after a dropped connection or a move), with the whole scene as it stands now.</summary>
    Task<JoinResult> Rejoin(string participantToken);

    /// <summary>
    /// Seated student: says a line as the seat's role (the server takes the role from the connection's seat, so no
    /// client can speak as another role). Answers with the accepted turn, which also goes out as a <c>Turn</c> event.
    /// </summary>
    Task<TurnMessage> Say(string text);

    /// <summary>Seated student: takes one of the stage's actions as the seat's role; answers with the accepted turn.</summary>
    Task<TurnMessage> Act(string actionId);

    /// <summary>
    /// Seated student whose role is not in the scene: steps the role into the current stage where the scenario allows it
    /// (<c>stepIn: true</c>); a <c>join</c> turn and a <c>Stage</c> event follow.
    /// </summary>
    Task StepIn();

    /// <summary>
    /// Instructor: brings any role that is not in the scene into the group's current stage; a <c>join</c> turn and a
    /// <c>Stage</c> event follow.
    /// </summary>
    Task BringIn(string groupId, string role);

    /// <summary>Instructor: answers with every group's snapshot; from then on the connection gets every event of every group.</summary>
    Task<IReadOnlyList<GroupSnapshot>> WatchSession(string sessionId);

    /// <summary>Instructor: opens play in every group, or resumes it; bots make any opening move.</summary>
    Task StartSession(string sessionId);

    /// <summary>Instructor: pauses play; turns are refused until it resumes.</summary>
    Task PauseSession(string sessionId);

    /// <summary>Instructor: ends the session; every unfinished group gets the scenario's unfinished outcome.</summary>
    Task EndSession(string sessionId);

    /// <summary>Instructor: bots play (or stop playing) every empty seat; also <c>POST /api/sessions/{id}/bots</c>.</summary>
    Task SetBots(string sessionId, bool enabled);

    /// <summary>
    /// Instructor: shows or hides verdicts to students from the next turn on; a <c>SessionState</c> event goes to
    /// watchers and every group. Students' <c>Turn</c> events carry verdicts only while it is on (watchers always get
    /// them), and a student's snapshot hides every turn's verdicts while it is off.
    /// </summary>
    Task SetLiveFeedback(string sessionId, bool enabled);

    /// <summary>
    /// Instructor: moves the participant in seat <c>seatId</c> (a roster's) to <c>role</c> (a scenario role or
    /// <c>observer</c>) in group <c>groupId</c> of the same session. The target seat must be free; moving within a group
    /// only changes the role. The participant gets <c>Moved</c> and rejoins; both groups' rosters are sent. Turns already
    /// spoken stay in the old group's log under the role they were spoken as. Refused once the session has ended.
    /// </summary>
    Task MoveSeat(string seatId, string groupId, string role);

    /// <summary>Instructor: injects a scenario event into one group (an <c>event</c> turn follows).</summary>
    Task InjectEvent(string groupId, string eventId);

    /// <summary>Instructor: overrides one verdict with a note for the debrief (shown in the transcript's <c>overrides</c>).</summary>
    Task OverrideVerdict(string groupId, int seq, string principle, int verdict, string note);

    /// <summary>Instructor: comments on a group, or on its turn <c>seq</c> (which must exist); answers with the stored comment.</summary>
    Task<CommentView> AddComment(string groupId, int? seq, string text);

    /// <summary>
    /// Observer seat: rates one staff <c>say</c> or <c>act</c> turn of its group. <c>verdicts</c> maps principle ids
    /// (<c>customer-first</c>, <c>prompt-sincere</c>, <c>off-scene</c>, <c>affirm</c>, <c>resolve</c>; any non-empty
    /// subset) to −1, 0 or 1. Rating the same turn again replaces the seat's earlier rating.
    /// </summary>
    Task RateTurn(int seq, IReadOnlyDictionary<string, int> verdicts);

    /// <summary>
    /// The customer's seat, once the scene has ended: rates satisfaction, 1 (poor) to 5 (excellent) per item
    /// (<see cref="SatisfactionItems"/>; any non-empty subset). Again replaces.
    /// </summary>
    Task RateSatisfaction(SatisfactionRating rating);

    /// <summary>
    /// Any seat (observers too), once the scene has ended: the answers to the outcome's questions, in order, at most
    /// one per question. Again replaces.
    /// </summary>
    Task SubmitReflection(IReadOnlyList<string> answers);
}

/// <summary>
/// The events the server sends to clients of <c>/hubs/roleplay</c>, each with one message. A client listens by name
/// (<c>nameof(IRolePlayClient.Turn)</c>).
/// </summary>
public interface IRolePlayClient
{
    /// <summary>
    /// An accepted turn, in <c>seq</c> order, after it is stored. Staff turns carry verdicts when the session shows
    /// live feedback (watchers always get them).
    /// </summary>
    Task Turn(TurnMessage turn);

    /// <summary>The group entered a stage, or a role came into the scene.</summary>
    Task Stage(StageInfo stage);

    /// <summary>The customer's mood changed.</summary>
    Task Mood(MoodInfo mood);

    /// <summary>
    /// Seats or bots changed: what changed, not the whole roster. A change to an observer's seat goes to the
    /// instructor's watchers only.
    /// </summary>
    Task Roster(RosterMessage roster);

    /// <summary>The group's scene reached an outcome.</summary>
    Task Ended(EndedMessage ended);

    /// <summary>The session was started, paused, resumed or ended, or live feedback was switched.</summary>
    Task SessionState(SessionStateMessage state);

    /// <summary>
    /// To the moved participant's connections only: call <c>Rejoin</c> with the same token (the same connection is
    /// fine) for the new seat's scene; from then on the connection gets the new group's events, not the old one's.
    /// </summary>
    Task Moved(MovedMessage moved);
}
