using RolePlay.Client.Localization;
using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;

namespace RolePlay.Client.Live;

/// <summary>
/// One group's scene as a client knows it: built from a snapshot, kept current by hub events.
/// Turns are kept by seq, so a rejoin's snapshot and late events never show a turn twice or leave a gap.
/// </summary>
public sealed class SceneState
{
    private readonly SortedDictionary<int, TurnMessage> _turns = [];

    // Kept across snapshots and stages: earlier turns name stages and actions the current stage no longer lists.
    private readonly Dictionary<string, string> _stageTitles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _actionLabels = new(StringComparer.Ordinal);

    /// <summary>Starts from a snapshot.</summary>
    public SceneState(GroupSnapshot snapshot) => Apply(snapshot);

    /// <summary>The last snapshot (roles, briefing, events, scenario).</summary>
    public GroupSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The group's id.</summary>
    public string GroupId => Snapshot.GroupId;

    /// <summary>The current stage.</summary>
    public StageInfo Stage { get; private set; } = null!;

    /// <summary>The customer's mood.</summary>
    public MoodInfo Mood { get; private set; } = null!;

    /// <summary>What the scenario calls the mood's band, or the band's id when the scenario does not name it.</summary>
    public LocalizedText MoodBandName => Snapshot.MoodBands?.FirstOrDefault(b => b.Id == Mood.Band)?.Name ?? LocalizedText.Both(Mood.Band);

    /// <summary>The principles' names, as the server's rubric gives them.</summary>
    public PrincipleNames PrincipleNames { get; private set; } = PrincipleNames.None;

    /// <summary>Who sits where.</summary>
    public IReadOnlyList<SeatInfo> Roster { get; private set; } = [];

    /// <summary>The roles bots play.</summary>
    public IReadOnlyList<string> BotRoles { get; private set; } = [];

    /// <summary>Whose move it is.</summary>
    public Side Expecting { get; private set; } = Side.Customer;

    /// <summary>Where the session is in its life.</summary>
    public SessionState SessionState { get; private set; } = SessionState.Lobby;

    /// <summary>Whether verdicts are shown to students now.</summary>
    public bool LiveFeedback { get; private set; }

    /// <summary>The outcome, once the scene has one.</summary>
    public EndedMessage? Ended { get; private set; }

    /// <summary>Every turn so far, in seq order.</summary>
    public IReadOnlyCollection<TurnMessage> Turns => _turns.Values;

    /// <summary>The highest seq seen.</summary>
    public int LastSeq => _turns.Count == 0 ? 0 : _turns.Keys.Max();

    /// <summary>Sum of verdicts per principle over every scored turn (the running score).</summary>
    public IReadOnlyDictionary<string, int> Totals =>
        Principles.Ids.ToDictionary(p => p, p => _turns.Values.Sum(t => t.Verdicts?.GetValueOrDefault(p) ?? 0), StringComparer.Ordinal);

    /// <summary>Replaces everything with a fresh snapshot (after a join, rejoin or move).</summary>
    public void Apply(GroupSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        PrincipleNames = new PrincipleNames(snapshot.Principles);
        Stage = snapshot.Stage;
        Mood = snapshot.Mood;
        Roster = snapshot.Roster;
        BotRoles = [.. snapshot.Roles.Where(r => r.IsBot).Select(r => r.Id)];
        Expecting = snapshot.Expecting;
        SessionState = snapshot.SessionState;
        LiveFeedback = snapshot.LiveFeedback;
        Ended = snapshot.Ended;
        _turns.Clear();
        foreach (var turn in snapshot.Turns)
        {
            _turns[turn.Seq] = turn;
        }

        foreach (var action in snapshot.Roles.SelectMany(r => r.Actions))
        {
            _actionLabels[action.Id] = action.Label;
        }

        Learn(snapshot.Stage);
    }

    /// <summary>Adds a turn; returns false for a turn already known.</summary>
    public bool Apply(TurnMessage turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_turns.ContainsKey(turn.Seq))
        {
            return false;
        }

        _turns[turn.Seq] = turn;
        Mood = Mood with { Value = turn.Mood };
        if (turn.Expecting is { } expecting)
        {
            Expecting = expecting;
        }

        return true;
    }

    /// <summary>The group entered a stage (with its own actions).</summary>
    public void Apply(StageInfo stage)
    {
        Stage = stage ?? throw new ArgumentNullException(nameof(stage));
        Learn(stage);
    }

    /// <summary>The mood changed.</summary>
    public void Apply(MoodInfo mood) => Mood = mood ?? throw new ArgumentNullException(nameof(mood));

    /// <summary>The roster changed: seats added or replaced by id, removed seats dropped, the bot roles replaced.</summary>
    public void Apply(RosterMessage roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var seats = Roster.Where(s => !roster.Removed.Contains(s.SeatId)).ToList();
        foreach (var seat in roster.Seats)
        {
            var at = seats.FindIndex(s => s.SeatId == seat.SeatId);
            if (at >= 0)
            {
                seats[at] = seat;
            }
            else
            {
                seats.Add(seat);
            }
        }

        Roster = seats;
        BotRoles = roster.BotRoles;
    }

    /// <summary>The scene ended.</summary>
    public void Apply(EndedMessage ended) => Ended = ended ?? throw new ArgumentNullException(nameof(ended));

    /// <summary>The session changed state.</summary>
    public void Apply(SessionStateMessage state)
    {
        ArgumentNullException.ThrowIfNull(state);
        SessionState = state.State;
        LiveFeedback = state.LiveFeedback;
    }

    /// <summary>The actions <paramref name="roleId"/> may take in the current stage.</summary>
    public IReadOnlyList<ActionInfo> ActionsFor(string roleId) =>
        Stage.Actions.TryGetValue(roleId, out var actions) ? actions : [];

    /// <summary>The title of a stage this client has seen, or null.</summary>
    public string? StageTitle(string stageId) => _stageTitles.GetValueOrDefault(stageId);

    /// <summary>The label of an action this client has seen offered, or the id.</summary>
    public string ActionLabel(string actionId) => _actionLabels.GetValueOrDefault(actionId, actionId);

    /// <summary>Whether <paramref name="roleId"/> is in the scene now (every role, for a server that does not say).</summary>
    public bool IsPresent(string roleId) => Stage.Present is not { } present || present.Contains(roleId);

    /// <summary>Why <paramref name="roleId"/> waits and what brings it in, or null when it is in the scene.</summary>
    public WaitingInfo? WaitingOf(string roleId) => Stage.Waiting?.FirstOrDefault(w => w.Role == roleId);

    /// <summary>Whether <paramref name="roleId"/> is the customer's role.</summary>
    public bool IsCustomer(string roleId) => Snapshot.Roles.Any(r => r.Id == roleId && r.IsCustomer);

    /// <summary>Whether a turn is a staff member's line or action (the turns the principles score).</summary>
    public bool IsStaffTurn(TurnMessage turn) =>
        turn is { Kind: TurnKind.Say or TurnKind.Act } && Snapshot.Roles.Any(r => r.Id == turn.Role && !r.IsCustomer);

    /// <summary>The name of a role in the scenario's language, or the id.</summary>
    public string RoleName(string roleId) => Snapshot.Roles.FirstOrDefault(r => r.Id == roleId)?.Name ?? roleId;

    private void Learn(StageInfo stage)
    {
        _stageTitles[stage.Id] = stage.Title;
        foreach (var action in stage.Actions.Values.SelectMany(a => a))
        {
            _actionLabels[action.Id] = action.Label;
        }
    }
}
