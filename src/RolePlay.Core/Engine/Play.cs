using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Engine;

/// <summary>
/// One group's run through a scenario. It takes turns from roles, scores staff turns, moves the
/// customer's mood and the stage, and reaches an outcome. Deterministic: the same scenario, seed and
/// turns always give the same stages, mood, verdicts and outcome, so a play is its turn log replayed.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed class Play
{
    /// <summary>The longest line a player may send.</summary>
    public const int MaxTextLength = 2000; // text elements (VisibleText.Length)

    private readonly IScorer _scorer;
    private readonly StageMachine _machine;
    private readonly List<Turn> _turns = [];
    private readonly List<string> _stagePath = [];
    private readonly Floor _floor = new();
    private readonly Cast _cast;
    private long _stageEnteredAt;
    private int _turnsInStage;
    private long? _unansweredSince;
    private bool _staffSpokeInStage;

    /// <summary>Starts a play in the scenario's first stage.</summary>
    public Play(Scenario scenario, IScorer scorer, int seed = 0)
    {
        Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        Seed = seed;
        _machine = new StageMachine(scenario);
        _cast = new Cast(scenario);
        Mood = scenario.Mood.Start;
        EnterStage(scenario.StartStage, 0);
    }

    /// <summary>The scenario being played.</summary>
    public Scenario Scenario { get; }

    /// <summary>The seed that picks bot lines.</summary>
    public int Seed { get; }

    /// <summary>The current stage (the last one, once the play is over).</summary>
    public Stage Stage { get; private set; } = null!;

    /// <summary>The customer's mood, 0 (furious) to 100 (delighted).</summary>
    public int Mood { get; private set; }

    /// <summary>The mood band the customer is in.</summary>
    public MoodBand MoodBand => Scenario.Mood.BandOf(Mood);

    /// <summary>How the play ended, or null while it runs.</summary>
    public Outcome? Outcome { get; private set; }

    /// <summary>True once an outcome is reached.</summary>
    public bool IsOver => Outcome is not null;

    /// <summary>
    /// Whose move it is, as guidance for people and bots: staff while a customer line is unanswered, the customer after
    /// staff spoke, the stage's <see cref="Scenarios.Stage.Opens"/> side when a stage begins with nothing unanswered.
    /// It is not a lock; <see cref="WhyRoleCannotMove"/> holds the rules.
    /// </summary>
    public Side Expecting { get; private set; } = Side.Customer;

    /// <summary>Who holds the floor and how many lines in a row they have said.</summary>
    public Floor Floor => _floor;

    /// <summary>The roles in the scene now: the stage's own, then any brought in since (in the scenario's order).</summary>
    public IReadOnlyList<string> Present => _cast.Present(Stage);

    /// <summary>Every accepted turn, in order.</summary>
    public IReadOnlyList<Turn> Turns => _turns;

    /// <summary>The stages visited, in order.</summary>
    public IReadOnlyList<string> StagePath => _stagePath;

    /// <summary>The stage graph, for drawing.</summary>
    public StageMachine Machine => _machine;

    /// <summary>Rebuilds a play from its log: the way a restarted server gets a group back.</summary>
    public static Play Replay(Scenario scenario, IScorer scorer, int seed, IEnumerable<TurnRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var play = new Play(scenario, scorer, seed);
        foreach (var record in log)
        {
            play.Apply(record);
        }

        return play;
    }

    /// <summary>Applies a logged turn of any kind.</summary>
    public Turn? Apply(TurnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            TurnKind.Say => Say(record.Role, record.Text ?? string.Empty, record.AtMs, record.IsBot),
            TurnKind.Act => Act(record.Role, record.ActionId ?? string.Empty, record.AtMs, record.IsBot),
            TurnKind.Event => Inject(record.EventId ?? string.Empty, record.AtMs),
            TurnKind.Clock => Tick(record.AtMs),
            TurnKind.Join => BringIn(record.Role, record.EventId == JoinReasons.StepIn ? JoinReasons.StepIn : JoinReasons.Instructor, record.AtMs),
            _ => throw new PlayRuleException(PlayText.UnknownTurnKind(record.Kind.ToString())),
        };
    }

    /// <summary>Why <paramref name="role"/> cannot move now (in both languages), or null when it can.</summary>
    public LocalizedText? WhyRoleCannotMove(string role)
    {
        if (Outcome is not null)
        {
            return PlayText.SceneEnded(Outcome.Title);
        }

        var r = Scenario.FindRole(role);
        if (r is null)
        {
            return PlayText.NoSuchRole(role);
        }

        if (!IsPresent(role))
        {
            return PlayText.NotInScene(r.Name, Stage.Title);
        }

        if (!_floor.CanSpeak(r.IsCustomer ? Speaker.Customer : Speaker.Staff))
        {
            return r.IsCustomer ? PlayText.CustomerSaidEnough(Floor.MaxInARow) : PlayText.StaffSaidEnough(Floor.MaxInARow);
        }

        return null;
    }

    /// <summary>True when <paramref name="role"/> is in the scene now.</summary>
    public bool IsPresent(string role) => _cast.IsPresent(Stage, role);

    /// <summary>
    /// For a role not in the scene: why it waits and what brings it in (in the scenario's language), and whether its
    /// player may step in. Null when the role is in the scene or the play is over.
    /// </summary>
    public RoleWaiting? WaitingOf(string role) => Outcome is null ? _cast.WaitingOf(Stage, role) : null;

    /// <summary>
    /// Brings a role that is not in the scene into the current stage: <see cref="JoinReasons.StepIn"/> when its player
    /// steps in (the scenario must allow it), <see cref="JoinReasons.Instructor"/> when the instructor brings it in.
    /// Logged as a <see cref="TurnKind.Join"/> turn; it takes nobody's move.
    /// </summary>
    public Turn BringIn(string role, string reason, long atMs)
    {
        if (Outcome is not null)
        {
            throw new PlayRuleException(PlayText.SceneEnded(Outcome.Title));
        }

        var r = Scenario.FindRole(role) ?? throw new PlayRuleException(PlayText.NoSuchRole(role));
        if (IsPresent(role))
        {
            throw new PlayRuleException(PlayText.AlreadyInScene(r.Name));
        }

        if (reason == JoinReasons.StepIn && !r.CanStepIn)
        {
            throw new PlayRuleException(PlayText.CannotStepIn(r.Name));
        }

        atMs = Math.Max(atMs, LastAt);
        _cast.Join(role);
        var text = PlayText.Joined(r.Name, reason, Scenario.IsChinese);
        var turn = new Turn(_turns.Count + 1, TurnKind.Join, role, text, null, reason, atMs, Stage.Id, false, null, null, Mood, _machine.State, [role]);
        _turns.Add(turn);
        return turn;
    }

    /// <summary>A role says <paramref name="text"/> at <paramref name="atMs"/> (ms since the play started).</summary>
    public Turn Say(string role, string text, long atMs, bool isBot = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        Ensure(WhyRoleCannotMove(role));
        text = text.Trim();
        if (!VisibleText.HasVisible(text))
        {
            throw new PlayRuleException(PlayText.EmptyReply);
        }

        var length = VisibleText.Length(text);
        if (length > MaxTextLength)
        {
            throw new PlayRuleException(PlayText.ReplyTooLong(length, MaxTextLength));
        }

        atMs = Math.Max(atMs, LastAt);
        var isStaff = !Scenario.FindRole(role)!.IsCustomer;
        var latency = isStaff ? ReplyLatency(atMs) : null;
        var score = isStaff ? _scorer.Score(new ScoringRequest(text, role, Stage.Id, latency, Scenario)) : null;
        var called = isStaff ? _cast.CalledIn(Stage, text, score!, null) : [];
        return Accept(TurnKind.Say, role, text, null, null, atMs, isBot, latency, score, extraMood: score?.CueMood ?? 0, called);
    }

    /// <summary>A role takes one of the stage's actions.</summary>
    public Turn Act(string role, string actionId, long atMs, bool isBot = false)
    {
        Ensure(WhyRoleCannotMove(role));
        var action = Stage.Actions.FirstOrDefault(a => a.Id == actionId && a.Role == role);
        if (action is null)
        {
            var mine = Stage.Actions.Where(a => a.Role == role).Select(a => a.Id).ToList();
            var name = Scenario.FindRole(role)!.Name;
            throw new PlayRuleException(mine.Count == 0
                ? PlayText.NoActionsHere(actionId, role, name)
                : PlayText.NotAnAction(actionId, role, name, mine));
        }

        atMs = Math.Max(atMs, LastAt);
        var isStaff = !Scenario.FindRole(role)!.IsCustomer;
        var latency = isStaff ? ReplyLatency(atMs) : null;
        var score = isStaff ? ActionScore(action) : null;
        var called = isStaff ? _cast.CalledIn(Stage, null, score!, action) : [];
        return Accept(TurnKind.Act, role, action.Label, action.Id, null, atMs, isBot, latency, score, extraMood: action.Mood, called);
    }

    /// <summary>The instructor injects a scenario event; it may move the scene.</summary>
    public Turn Inject(string eventId, long atMs)
    {
        if (Outcome is not null)
        {
            throw new PlayRuleException(PlayText.EventAfterEnd(Outcome.Title));
        }

        var ev = Scenario.Events.FirstOrDefault(e => e.Id == eventId)
            ?? throw new PlayRuleException(PlayText.NoSuchEvent(eventId, [.. Scenario.Events.Select(e => e.Id)]));
        atMs = Math.Max(atMs, LastAt);
        Mood = Math.Clamp(Mood + ev.Mood, 0, 100);
        var stageBefore = Stage.Id;
        var fired = FindTransition(Turn.InstructorRole, null, ev.Id, null, atMs);
        return Log(TurnKind.Event, Turn.InstructorRole, ev.Narration, null, ev.Id, atMs, stageBefore, false, null, null, fired);
    }

    /// <summary>Lets time pass; returns the logged clock turn when a timed transition fired, else null.</summary>
    public Turn? Tick(long atMs)
    {
        if (Outcome is not null || atMs < LastAt)
        {
            return null;
        }

        var fired = TransitionRules.FirstTimedThatHolds(Stage, Scenario, MomentOf(null, null, null, null, atMs));
        if (fired is null)
        {
            return null;
        }

        var stageBefore = Stage.Id;
        return Log(TurnKind.Clock, Turn.ClockRole, null, null, null, atMs, stageBefore, false, null, null, fired);
    }

    /// <summary>Ends a play that reached no outcome with the scenario's outcome for an unfinished play.</summary>
    public void Finish()
    {
        if (Outcome is null)
        {
            Outcome = Scenario.FindOutcome(Scenario.UnfinishedOutcome);
        }
    }

    /// <summary>The roles whose move it is (guidance for the UI and the bots): the customer, or every present staff role.</summary>
    public IReadOnlyList<string> RolesToMove()
    {
        if (Outcome is not null)
        {
            return [];
        }

        return [.. Present.Where(r => Scenario.FindRole(r) is { } role && role.IsCustomer == (Expecting == Side.Customer) && WhyRoleCannotMove(r) is null)];
    }

    /// <summary>The line a bot would play for <paramref name="role"/> now, chosen by mood band and seed.</summary>
    public BotLine ChooseBotLine(string role) => BotLines.Choose(Scenario, Stage, MoodBand.Id, role, Seed, _turns);

    /// <summary>A bot plays <paramref name="role"/>'s move: an available scripted action, else a scripted line.</summary>
    public Turn PlayBot(string role, long atMs)
    {
        Ensure(WhyRoleCannotMove(role));
        var line = ChooseBotLine(role);
        var canAct = line.Action is not null && Stage.Actions.Any(a => a.Id == line.Action && a.Role == role);
        return canAct ? Act(role, line.Action!, atMs, isBot: true) : Say(role, line.Text, atMs, isBot: true);
    }

    private long LastAt => _turns.Count == 0 ? 0 : _turns[^1].AtMs;

    /// <summary>
    /// A staff line's reply time: from the customer's first unanswered line; none when it adds to a colleague's reply in
    /// the same stage (it answers nothing); otherwise from the stage's start.
    /// </summary>
    private long? ReplyLatency(long atMs) =>
        _unansweredSince is { } since ? atMs - since
        : _floor.Last == Speaker.Staff && _staffSpokeInStage ? null
        : atMs - _stageEnteredAt;

    private static void Ensure(LocalizedText? problem)
    {
        if (problem is not null)
        {
            throw new PlayRuleException(problem);
        }
    }

    private TurnScore ActionScore(StageAction action)
    {
        var verdicts = Principles.Ids.Select(p =>
        {
            var v = action.Verdicts.TryGetValue(p, out var x) ? x : 0;
            IReadOnlyList<Evidence> evidence = v == 0 ? [] : [new Evidence(action.Label, -1, 0, "action:" + action.Id, v, false)];
            return new PrincipleVerdict(p, v, evidence, v == 0 ? string.Empty : action.Label);
        }).ToList();
        return new TurnScore(verdicts, [], 0);
    }

    private Turn Accept(TurnKind kind, string role, string? text, string? actionId, string? eventId, long atMs, bool isBot, long? latency, TurnScore? score, int extraMood, IReadOnlyList<string> called)
    {
        if (score is not null)
        {
            var delta = extraMood;
            foreach (var v in score.Verdicts)
            {
                delta += v.Verdict > 0 ? Scenario.Mood.Upheld : v.Verdict < 0 ? Scenario.Mood.Violated : 0;
            }

            Mood = Math.Clamp(Mood + delta, 0, 100);
        }
        else
        {
            Mood = Math.Clamp(Mood + extraMood, 0, 100);
        }

        // The customer's first unanswered line starts the reply clock; any staff line answers it.
        _unansweredSince = score is null ? _unansweredSince ?? atMs : null;
        _floor.Spoke(score is null ? Speaker.Customer : Speaker.Staff);
        _staffSpokeInStage |= score is not null;
        foreach (var r in called)
        {
            _cast.Join(r);
        }

        var stageBefore = Stage.Id;
        Expecting = score is null ? Side.Staff : Side.Customer;
        _turnsInStage++;
        var fired = FindTransition(role, actionId, eventId, score, atMs);
        return Log(kind, role, text, actionId, eventId, atMs, stageBefore, isBot, latency, score, fired, called);
    }

    private Transition? FindTransition(string role, string? actionId, string? eventId, TurnScore? score, long atMs) =>
        TransitionRules.FirstThatHolds(Stage, Scenario, MomentOf(role, actionId, eventId, score, atMs));

    private SceneMoment MomentOf(string? role, string? actionId, string? eventId, TurnScore? score, long atMs) =>
        new(role, actionId, eventId, score, Mood, _turnsInStage, atMs - _stageEnteredAt);

    private Turn Log(TurnKind kind, string role, string? text, string? actionId, string? eventId, long atMs, string stageBefore, bool isBot, long? latency, TurnScore? score, Transition? fired, IReadOnlyList<string>? joined = null)
    {
        if (fired is not null)
        {
            _machine.Fire(fired);
            if (Scenario.FindStage(fired.To) is { } next)
            {
                EnterStage(next, atMs);
            }
            else
            {
                Outcome = Scenario.FindOutcome(fired.To);
            }
        }

        var turn = new Turn(_turns.Count + 1, kind, role, text, actionId, eventId, atMs, stageBefore, isBot, latency, score, Mood, _machine.State, joined is { Count: > 0 } ? joined : null);
        _turns.Add(turn);
        return turn;
    }

    private void EnterStage(Stage stage, long atMs)
    {
        Stage = stage;
        _stagePath.Add(stage.Id);
        _stageEnteredAt = atMs;
        _turnsInStage = 0;
        _staffSpokeInStage = false;

        // A customer line that is still unanswered (often the very line that moved the scene) is the staff's to answer.
        Expecting = _unansweredSince is not null ? Side.Staff : stage.Opens;
    }
}
