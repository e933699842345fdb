using System.Collections.Immutable;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Transcripts;

namespace RolePlay.Core.Groups;

/// <summary>
/// The scene of one group as a plain object: its play (turns, stage, mood, outcome), its seats, and the session's
/// settings as they reach it. It takes one <see cref="GroupCommand"/> at a time and returns the <see cref="GroupEvent"/>s
/// the command caused. It does no I/O and reads no clock (each command comes with its time); its only randomness is
/// the seeded choice of bot lines. Its log-backed parts, the turns and the start time, are what
/// <see cref="Restore"/> replays, so a restarted server, or another node taking the group over, gets the same scene.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed partial class GroupState
{
    private readonly GroupSetup _setup;
    private Play _play;

    /// <summary>A group that has not started: the scenario's first stage, no seats, no turns.</summary>
    public GroupState(GroupSetup setup, GroupSettings settings)
        : this(setup, settings, new Play(setup.Scenario, setup.Scorer, setup.Seed), null, [])
    {
    }

    private GroupState(GroupSetup setup, GroupSettings settings, Play play, DateTime? startedUtc, IEnumerable<Seat> seats)
    {
        _setup = setup;
        _play = play;
        Settings = settings;
        StartedUtc = startedUtc;
        _seats = seats.ToImmutableDictionary(s => s.Token, StringComparer.Ordinal);
        if (settings.Phase == GroupPhase.Ended)
        {
            _play.Finish();
        }
    }

    /// <summary>
    /// Recovery: a fresh state with the stored seats (no connections yet) and settings, and the logged turns replayed in
    /// order. The stage, mood, cast, seq and outcome come out as they were when the turns were accepted.
    /// </summary>
    public static GroupState Restore(GroupSetup setup, GroupSettings settings, IEnumerable<Seat> seats, GroupLog log)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(log);
        var play = Play.Replay(setup.Scenario, setup.Scorer, setup.Seed, log.Turns);
        return new GroupState(setup, settings, play, log.StartedUtc, seats.Select(s => s with { Connections = 0 }));
    }

    /// <summary>The scenario being played.</summary>
    public Scenario Scenario => _setup.Scenario;

    /// <summary>The session's settings as this group last heard them.</summary>
    public GroupSettings Settings { get; private set; }

    /// <summary>When play opened (turn times count from here), or null before.</summary>
    public DateTime? StartedUtc { get; private set; }

    /// <summary>Every accepted turn, in seq order (a turn's seq is its position, from 1).</summary>
    public IReadOnlyList<Turn> Turns => _play.Turns;

    /// <summary>The seq of the last accepted turn; 0 before the first.</summary>
    public int LastSeq => _play.Turns.Count;

    /// <summary>The current stage (the last one, once the scene is over).</summary>
    public Stage Stage => _play.Stage;

    /// <summary>The stage, who is in it, and who waits to come in.</summary>
    public Scene Scene => new(
        _play.Stage, _play.Present, [.. Scenario.Roles.Select(r => _play.WaitingOf(r.Id)).OfType<RoleWaiting>()]);

    /// <summary>The stages visited, in order.</summary>
    public IReadOnlyList<string> StagePath => _play.StagePath;

    /// <summary>The customer's mood, 0 (furious) to 100 (delighted).</summary>
    public int Mood => _play.Mood;

    /// <summary>The mood band the customer is in.</summary>
    public MoodBand MoodBand => _play.MoodBand;

    /// <summary>Whose move it is, as guidance.</summary>
    public Side Expecting => _play.Expecting;

    /// <summary>The roles whose move it is (none once the scene is over).</summary>
    public IReadOnlyList<string> RolesToMove => _play.RolesToMove();

    /// <summary>How the scene ended, or null while it runs.</summary>
    public Outcome? Outcome => _play.Outcome;

    /// <summary>True once the scene reached an outcome.</summary>
    public bool IsOver => _play.IsOver;

    /// <summary>The log-backed state as it would be stored: replaying it with <see cref="Restore"/> gives this scene back.</summary>
    public GroupLog Log => new(StartedUtc, [.. _play.Turns.Select(TurnRecord.From)]);

    /// <summary>
    /// The bot role that should move now, or null: only while the session runs and the scene is not over, and only when
    /// every role whose move it is is played by a bot (bots never jump in ahead of people). What it says is
    /// <see cref="GroupCommand.BotMove"/>'s to decide, from the mood, the stage and the seed.
    /// </summary>
    public string? BotToMove
    {
        get
        {
            // Without bots nothing else is looked at: this is asked after every command.
            if (!Settings.Bots || Settings.Phase != GroupPhase.Running || _play.IsOver)
            {
                return null;
            }

            var toMove = _play.RolesToMove();
            var bots = BotRoles;
            return toMove.Count == 0 || toMove.Any(r => !bots.Contains(r)) ? null : toMove[0];
        }
    }

    /// <summary>The scored transcript as it stands.</summary>
    public TranscriptDocument Transcript() => TranscriptDocument.From(_play);

    /// <summary>Handles one command at <paramref name="utcNow"/>; returns what it caused, in order.</summary>
    public IReadOnlyList<GroupEvent> Handle(GroupCommand command, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            GroupCommand.Say c => TakeTurn(utcNow, at => _play.Say(c.Role, c.Text, at)),
            GroupCommand.Act c => TakeTurn(utcNow, at => _play.Act(c.Role, c.ActionId, at)),
            GroupCommand.StepIn c => TakeTurn(utcNow, at => _play.BringIn(c.Role, JoinReasons.StepIn, at)),
            GroupCommand.BringIn c => TakeTurn(utcNow, at => _play.BringIn(c.Role, JoinReasons.Instructor, at)),
            GroupCommand.InjectEvent c => TakeTurn(utcNow, at => _play.Inject(c.EventId, at)),
            GroupCommand.Tick => Tick(utcNow),
            GroupCommand.BotMove => BotMove(utcNow),
            GroupCommand.TakeSeat c => TakeSeat(c.Seat),
            GroupCommand.LeaveSeat c => LeaveSeat(c.Token),
            GroupCommand.Attach c => Attach(c.Token, c.NewConnection),
            GroupCommand.Detach c => Detach(c.Token),
            GroupCommand.StartClock => StartClock(utcNow),
            GroupCommand.SetPhase c => SetPhase(c.Phase),
            GroupCommand.SetBots c => SetBots(c.Enabled),
            GroupCommand.SetLiveFeedback c => SetLiveFeedback(c.Enabled),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a group command."),
        };
    }

    /// <summary>Where the log-backed state is now, to <see cref="RollBack"/> to if the log refuses what follows.</summary>
    public GroupCheckpoint Checkpoint() => new(_play.Turns.Count, StartedUtc);

    /// <summary>
    /// Forgets the turns and the clock start accepted since <paramref name="checkpoint"/>: what the log could not store
    /// was never accepted. Seats and settings are not log-backed and stay as they are.
    /// </summary>
    public void RollBack(GroupCheckpoint checkpoint)
    {
        if (_play.Turns.Count > checkpoint.Turns)
        {
            _play = Play.Replay(Scenario, _setup.Scorer, _setup.Seed, _play.Turns.Take(checkpoint.Turns).Select(TurnRecord.From));
            if (Settings.Phase == GroupPhase.Ended)
            {
                _play.Finish();
            }
        }

        StartedUtc = checkpoint.StartedUtc;
    }

    /// <summary>Milliseconds since play opened; 0 before.</summary>
    private long AtMs(DateTime utcNow) => StartedUtc is { } started ? (long)(utcNow - started).TotalMilliseconds : 0;

    private RefusalReason? WhyClosed() => Settings.Phase switch
    {
        GroupPhase.Lobby => RefusalReason.NotStarted,
        GroupPhase.Paused => RefusalReason.Paused,
        GroupPhase.Ended => RefusalReason.SessionEnded,
        _ => null,
    };

    private IReadOnlyList<GroupEvent> TakeTurn(DateTime utcNow, Func<long, Turn> take)
    {
        if (WhyClosed() is { } closed)
        {
            return [new GroupEvent.Refused(closed)];
        }

        return PlayMove(() => take(AtMs(utcNow)));
    }

    private IReadOnlyList<GroupEvent> Tick(DateTime utcNow)
    {
        if (Settings.Phase != GroupPhase.Running || StartedUtc is null)
        {
            return [];
        }

        return PlayMove(() => _play.Tick(AtMs(utcNow)));
    }

    private IReadOnlyList<GroupEvent> BotMove(DateTime utcNow) =>
        BotToMove is { } role ? PlayMove(() => _play.PlayBot(role, AtMs(utcNow))) : [];

    /// <summary>Runs one engine move; a broken rule is a refusal (the engine checks before it changes anything).</summary>
    private IReadOnlyList<GroupEvent> PlayMove(Func<Turn?> move)
    {
        var stageBefore = _play.Stage.Id;
        var moodBefore = _play.Mood;
        Turn? turn;
        try
        {
            turn = move();
        }
        catch (PlayRuleException ex)
        {
            return [new GroupEvent.Refused(RefusalReason.PlayRule, ex.Text)];
        }

        if (turn is null)
        {
            return []; // a tick that fired no transition
        }

        var events = new List<GroupEvent> { new GroupEvent.TurnAccepted(turn, _play.IsOver ? null : _play.Expecting, Settings.LiveFeedback) };

        // A new stage, or a role brought into this one: either way the scene's cast changed.
        if (_play.Stage.Id != stageBefore || turn.Joined is { Count: > 0 })
        {
            events.Add(new GroupEvent.SceneChanged(Scene));
        }

        if (_play.Mood != moodBefore)
        {
            events.Add(new GroupEvent.MoodChanged(_play.Mood, _play.MoodBand.Id));
        }

        if (_play.Outcome is { } outcome && turn.StageAfter == outcome.Id)
        {
            events.Add(new GroupEvent.Ended(outcome));
        }

        return events;
    }

    private IReadOnlyList<GroupEvent> StartClock(DateTime utcNow)
    {
        if (StartedUtc is not null)
        {
            return [];
        }

        StartedUtc = utcNow;
        return [new GroupEvent.ClockStarted(utcNow)];
    }

    private IReadOnlyList<GroupEvent> SetPhase(GroupPhase phase)
    {
        if (Settings.Phase == GroupPhase.Ended)
        {
            return phase == GroupPhase.Ended ? [] : [new GroupEvent.Refused(RefusalReason.SessionEnded)];
        }

        Settings = Settings with { Phase = phase };
        if (phase != GroupPhase.Ended || _play.IsOver)
        {
            return [];
        }

        _play.Finish();
        return [new GroupEvent.Ended(_play.Outcome!)];
    }

    private IReadOnlyList<GroupEvent> SetBots(bool enabled)
    {
        Settings = Settings with { Bots = enabled };
        return [new GroupEvent.RosterChanged([], [], BotRoles, ObserversOnly: false)];
    }

    private IReadOnlyList<GroupEvent> SetLiveFeedback(bool enabled)
    {
        Settings = Settings with { LiveFeedback = enabled };
        return [];
    }
}
