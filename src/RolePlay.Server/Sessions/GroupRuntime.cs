using RolePlay.Contracts;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Server.Hubs;
using RolePlay.Server.Persistence;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Sessions;

/// <summary>
/// One group's live play. Turns are taken one at a time: applied to the engine, written to the
/// database, and only then broadcast, so every client sees the log in seq order and nothing
/// acknowledged is lost. After a human turn, bots play any empty seat whose move it is.
/// </summary>
public sealed class GroupRuntime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SessionRuntime _session;
    private readonly GroupServices _services;
    private Play _play;
    private string? _participantsGroup;
    private string[]? _broadcastGroups;

    internal GroupRuntime(SessionRuntime session, GroupRow row, Play play, IEnumerable<SeatRow> seats, GroupServices services)
    {
        _session = session;
        Row = row;
        _play = play;
        _services = services;
        foreach (var seat in seats)
        {
            Seats[seat.Token] = seat;
        }
    }

    /// <summary>The group as stored.</summary>
    public GroupRow Row { get; }

    /// <summary>The session this group belongs to.</summary>
    public SessionRuntime Session => _session;

    /// <summary>Taken seats by participant token (observers included).</summary>
    internal ConcurrentDictionary<string, SeatRow> Seats { get; } = new(StringComparer.Ordinal);

    /// <summary>How many live connections each token has, for the roster's "connected" flag.</summary>
    internal ConcurrentDictionary<string, int> Connections { get; } = new(StringComparer.Ordinal);

    /// <summary>The play, for reading under <see cref="WithGateAsync{T}"/> only.</summary>
    internal Play Play => _play;

    private Scenario Scenario => _session.Scenario;

    /// <summary>The SignalR group of this group's participants.</summary>
    public string ParticipantsGroup => _participantsGroup ??= "g:" + Row.Id;

    /// <summary>The participants' and the session watchers' SignalR groups: every event of this group goes to both.</summary>
    private IReadOnlyList<string> BroadcastGroups => _broadcastGroups ??= [ParticipantsGroup, _session.WatchersGroup];

    /// <summary>Roles no person sits in, played by bots when the session allows it.</summary>
    public IReadOnlyList<string> BotRoles() => _session.Row.BotsForEmptyRoles
        ? [.. Scenario.Roles.Select(r => r.Id).Where(r => Seats.Values.All(s => s.Role != r))]
        : [];

    /// <summary>Runs <paramref name="work"/> with the group to itself.</summary>
    public async Task<T> WithGateAsync<T>(Func<T> work)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes a human turn for <paramref name="role"/> and then lets bots answer.</summary>
    public async Task<TurnMessage> TakeTurnAsync(Func<Play, long, Turn> apply)
    {
        TurnMessage message;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            EnsureRunning();
            message = (await CommitAsync(play => apply(play, NowMs())).ConfigureAwait(false))!;
        }
        finally
        {
            _gate.Release();
        }

        await RunBotsAsync().ConfigureAwait(false);
        return message;
    }

    /// <summary>Brings a role into the scene: its player stepping in (<see cref="JoinReasons.StepIn"/>) or the instructor.</summary>
    public async Task BringInAsync(string role, string reason)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            EnsureRunning();
            await CommitAsync(play => play.BringIn(role, reason, NowMs())).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        await RunBotsAsync().ConfigureAwait(false);
    }

    /// <summary>Injects a scenario event (instructor).</summary>
    public async Task InjectAsync(string eventId)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            EnsureRunning();
            await CommitAsync(play => play.Inject(eventId, NowMs())).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        await RunBotsAsync().ConfigureAwait(false);
    }

    /// <summary>Lets time pass: fires timed transitions and logs them.</summary>
    public async Task TickAsync()
    {
        if (_session.Row.State != SessionState.Running || Row.StartedUtc is null)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_play.IsOver)
            {
                return;
            }

            var at = NowMs();
            await CommitAsync(play => play.Tick(at)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Plays bot turns while the move belongs to bots only.</summary>
    public async Task RunBotsAsync()
    {
        for (var guard = 0; guard < 50; guard++)
        {
            // Without bots there is nothing to play: skip taking the gate again after every human turn. Turning
            // bots on runs this again for every group (SessionService.SetBotsAsync), so no move is missed.
            if (!_session.Row.BotsForEmptyRoles)
            {
                return;
            }

            if (await WithGateAsync(BotToMove).ConfigureAwait(false) is null)
            {
                return;
            }

            if (_services.BotDelayMs > 0)
            {
                await Task.Delay(_services.BotDelayMs).ConfigureAwait(false); // so people can read along
            }

            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                // Checked again: a person may have moved, or the instructor paused, during the delay.
                if (BotToMove() is { } role)
                {
                    await CommitAsync(play => play.PlayBot(role, NowMs())).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>The bot role whose move it is, or null when a person may move (bots never jump in ahead of people).</summary>
    private string? BotToMove()
    {
        if (_session.Row.State != SessionState.Running || _play.IsOver)
        {
            return null;
        }

        var toMove = _play.RolesToMove();
        var bots = BotRoles();
        return toMove.Count == 0 || toMove.Any(r => !bots.Contains(r)) ? null : toMove[0];
    }

    /// <summary>Marks the group started (the clock starts now) unless it already was.</summary>
    internal async Task StartClockAsync()
    {
        if (Row.StartedUtc is not null)
        {
            return;
        }

        Row.StartedUtc = DateTime.UtcNow;
        await using var db = await _services.Db.CreateDbContextAsync().ConfigureAwait(false);
        await db.Groups.Where(g => g.Id == Row.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.StartedUtc, Row.StartedUtc)).ConfigureAwait(false);
    }

    /// <summary>The scene as <paramref name="viewerRole"/> sees it (null for the instructor, who sees everything); <paramref name="seatId"/> is the viewer's own seat.</summary>
    internal GroupSnapshot Snapshot(string? viewerRole, bool instructor, string? seatId = null)
    {
        var bots = BotRoles();
        var feedback = instructor || _session.Row.LiveFeedback;
        var roles = Scenario.Roles.Select(r => new RoleInfo(
            r.Id, r.Name, r.IsCustomer, bots.Contains(r.Id),
            [.. _play.Stage.Actions.Where(a => a.Role == r.Id).Select(a => new ActionInfo(a.Id, a.Label))])).ToList();
        var role = viewerRole is null ? null : Scenario.FindRole(viewerRole);
        return new GroupSnapshot(
            _session.Row.Id,
            Row.Id,
            Row.Name,
            Scenario.Id,
            Scenario.Title,
            Scenario.Locale,
            _session.Row.State,
            _session.Row.LiveFeedback,
            StageInfo(),
            MoodInfo(),
            _play.Expecting,
            _play.RolesToMove(),
            roles,
            [.. _play.Turns.Select(t => Messages.Turn(Row.Id, t, feedback))],
            Roster(),
            _play.Outcome is null ? null : Messages.Ended(Row.Id, _play.Outcome),
            role is null ? null : new RoleBriefing(role.Id, role.Briefing, role.Notes),
            instructor ? [.. Scenario.Events.Select(e => new EventInfo(e.Id, e.Label))] : [],
            instructor ? null : seatId);
    }

    internal IReadOnlyList<SeatInfo> Roster() => [.. Seats.Values.OrderBy(s => s.JoinedUtc).Select(SeatInfo)];

    private SeatInfo SeatInfo(SeatRow s) => new(SeatIds.Of(s.Token), s.Role, s.Name, Connections.GetValueOrDefault(s.Token) > 0);

    /// <summary>A group's engine seed: the session's, offset by the group number, so bots don't speak in chorus across groups.</summary>
    internal static int SeedOf(SessionRow session, GroupRow group) => unchecked(session.Seed + group.Number);

    internal StageInfo StageInfo() => new(
        Row.Id, _play.Stage.Id, _play.Stage.Title, _play.Stage.Narration,
        _play.Stage.Actions.GroupBy(a => a.Role).ToDictionary(
            g => g.Key, g => (IReadOnlyList<ActionInfo>)[.. g.Select(a => new ActionInfo(a.Id, a.Label))], StringComparer.Ordinal),
        _play.Present,
        [.. Scenario.Roles.Select(r => _play.WaitingOf(r.Id)).OfType<RoleWaiting>().Select(w => new WaitingInfo(w.Role, w.Why, w.WaysIn, w.CanStepIn))]);

    internal MoodInfo MoodInfo() => new(Row.Id, _play.Mood, _play.MoodBand.Id);

    /// <summary>
    /// Tells the group what changed in its seats: <paramref name="changed"/> (a seat taken, moved in, connected or
    /// disconnected) and/or <paramref name="removedSeatId"/> (a seat moved away), with the bot roles as they are now.
    /// A role seat's change goes to the participants and the instructor; an observer's only to the instructor, so a
    /// crowd of observers costs each student nothing.
    /// </summary>
    internal void SendRosterChange(SeatRow? changed, string? removedSeatId = null, bool roleSeat = false)
    {
        var seats = changed is null ? [] : new[] { SeatInfo(changed) };
        var message = new RosterMessage(Row.Id, seats, removedSeatId is null ? [] : [removedSeatId], BotRoles());
        var everyone = roleSeat || (changed is not null && changed.Role != RoleIds.Observer);
        if (everyone)
        {
            _services.Send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Roster), message);
        }
        else
        {
            _services.Send.ToGroup(_session.WatchersGroup, nameof(IRolePlayClient.Roster), message);
        }
    }

    /// <summary>Tells everyone the roles bots play now (no seat changed).</summary>
    internal void SendBotRoles() =>
        _services.Send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Roster), new RosterMessage(Row.Id, [], [], BotRoles()));

    private void EnsureRunning()
    {
        switch (_session.Row.State)
        {
            case SessionState.Lobby:
                throw new Refusal(RefusalCode.SessionNotStarted, ServerText.NotStarted);
            case SessionState.Paused:
                throw new Refusal(RefusalCode.SessionPaused, ServerText.Paused);
            case SessionState.Ended:
                throw new Refusal(RefusalCode.SessionEnded, ServerText.SessionEnded);
        }
    }

    private long NowMs() => Row.StartedUtc is { } started ? (long)(DateTime.UtcNow - started).TotalMilliseconds : 0;

    /// <summary>Applies, persists, then broadcasts one turn. Caller holds the gate.</summary>
    private async Task<TurnMessage?> CommitAsync(Func<Play, Turn?> apply)
    {
        var stageBefore = _play.Stage.Id;
        var moodBefore = _play.Mood;
        Turn? turn;
        try
        {
            turn = apply(_play);
        }
        catch (PlayRuleException ex)
        {
            throw new Refusal(RefusalCode.PlayRule, ex.Text);
        }

        if (turn is null)
        {
            return null; // nothing happened (a tick that fired no transition)
        }

        try
        {
            await _services.Writer.AppendAsync(new TurnRow
            {
                GroupId = Row.Id, Seq = turn.Seq, Kind = (int)turn.Kind, Role = turn.Role, Text = turn.Text,
                ActionId = turn.ActionId, EventId = turn.EventId, AtMs = turn.AtMs, IsBot = turn.IsBot,
            }).ConfigureAwait(false);
        }
        catch
        {
            // Not stored means not accepted: rebuild the play from what the log holds.
            _play = Play.Replay(Scenario, _session.Scorer, SeedOf(_session.Row, Row), _play.Turns.Take(_play.Turns.Count - 1).Select(TurnRecord.From));
            throw;
        }

        Side? expecting = _play.IsOver ? null : _play.Expecting;
        var full = Messages.Turn(Row.Id, turn, withFeedback: true, expecting);
        var shown = _session.Row.LiveFeedback ? full : Messages.Turn(Row.Id, turn, withFeedback: false, expecting);

        // Sent, never awaited: the gate is held while the turn is applied and stored, not while it crosses the
        // network (Broadcaster). One call to both SignalR groups where both get the same message: SignalR serializes
        // it once for every connection in either group.
        var send = _services.Send;
        if (ReferenceEquals(shown, full))
        {
            send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Turn), full);
        }
        else
        {
            send.ToGroup(ParticipantsGroup, nameof(IRolePlayClient.Turn), shown);
            send.ToGroup(_session.WatchersGroup, nameof(IRolePlayClient.Turn), full);
        }

        // A new stage, or a role brought into this one: either way the scene's cast changed.
        if (_play.Stage.Id != stageBefore || turn.Joined is { Count: > 0 })
        {
            send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Stage), StageInfo());
        }

        if (_play.Mood != moodBefore)
        {
            send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Mood), MoodInfo());
        }

        if (_play.Outcome is { } outcome && turn.StageAfter == outcome.Id)
        {
            send.ToGroups(BroadcastGroups, nameof(IRolePlayClient.Ended), Messages.Ended(Row.Id, outcome));
        }

        return shown;
    }
}

/// <summary>What every group runtime needs from the host.</summary>
internal sealed record GroupServices(IDbContextFactory<RolePlayDb> Db, TurnWriter Writer, Broadcaster Send, int BotDelayMs);
