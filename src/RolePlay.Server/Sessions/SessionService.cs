using RolePlay.Contracts;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Server.Hubs;
using RolePlay.Server.Persistence;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Sessions;

/// <summary>Creates, finds and steers sessions; brings them back from the database after a restart.</summary>
public sealed partial class SessionService
{
    private readonly ConcurrentDictionary<string, SessionRuntime> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SessionRuntime> _byCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupRuntime> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupRuntime> _groupByToken = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _seating = new(1, 1);
    private readonly ScenarioLibrary _library;
    private readonly IDbContextFactory<RolePlayDb> _db;
    private readonly ITurnLog _log;
    private readonly Broadcaster _send;
    private readonly GroupServices _services;
    private readonly ServerOptions _options;

    /// <summary>Creates the service.</summary>
    public SessionService(
        ScenarioLibrary library, IDbContextFactory<RolePlayDb> db, ITurnLog log, IGroupNotifier notifier, Broadcaster send,
        ServerOptions options, TimeProvider time, ILogger<GroupRuntime> groupLogger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _library = library;
        _db = db;
        _log = log;
        _send = send;
        _options = options;
        _services = new GroupServices(log, notifier, time, options.BotDelayMs, groupLogger, Messages.Principles(library.Rubric));
    }

    /// <summary>Every session, newest first.</summary>
    public IEnumerable<SessionRuntime> Sessions => _sessions.Values.OrderByDescending(s => s.Row.CreatedUtc);

    /// <summary>Every group of every session.</summary>
    public IEnumerable<GroupRuntime> Groups => _groups.Values;

    /// <summary>Rebuilds every stored session by replaying its groups' turn logs.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _db.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await db.Sessions.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = await db.Groups.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var seats = await db.Seats.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var logs = await _log.ReadAsync([.. groups.Select(g => g.Id)], cancellationToken);
        foreach (var row in sessions)
        {
            if (_library.Find(row.ScenarioId) is not { } entry)
            {
                continue; // its scenario was removed from the library; its rows stay for the record
            }

            var session = new SessionRuntime(row, entry.Scenario, entry.Scorer, _options.JoinsPerMinutePerSession);
            foreach (var group in groups.Where(g => g.SessionId == row.Id).OrderBy(g => g.Number))
            {
                // Recovery is the stored log replayed into a fresh state.
                var state = GroupState.Restore(
                    new GroupSetup(entry.Scenario, entry.Scorer, SeedOf(row, group)),
                    SettingsOf(row),
                    seats.Where(s => s.GroupId == group.Id).Select(SeatOf),
                    logs[group.Id]);
                Add(session, new GroupRuntime(session, group.Id, group.Name, state, _services));
            }

            Register(session);
        }
    }

    /// <summary>Launches a scenario for <paramref name="groupCount"/> groups.</summary>
    public async Task<SessionRuntime> CreateAsync(string scenarioId, int groupCount, bool bots, bool liveFeedback)
    {
        var entry = _library.Find(scenarioId) ?? throw new Refusal(RefusalCode.ScenarioUnknown, ServerText.NoScenario(scenarioId));
        if (groupCount is < 1 or > 200)
        {
            throw new Refusal(RefusalCode.GroupCount, ServerText.GroupCount);
        }

        var code = JoinCodes.NewCode();
        while (FindByCode(code) is not null)
        {
            code = JoinCodes.NewCode();
        }

        var row = new SessionRow
        {
            Id = JoinCodes.NewId(), ScenarioId = scenarioId, JoinCode = code, Seed = Random.Shared.Next(),
            State = SessionState.Lobby, BotsForEmptyRoles = bots, LiveFeedback = liveFeedback, CreatedUtc = DateTime.UtcNow,
        };
        var groupRows = Enumerable.Range(1, groupCount)
            .Select(n => new GroupRow { Id = JoinCodes.NewId(), SessionId = row.Id, Name = GroupName(entry.Scenario.IsChinese, n), Number = n })
            .ToList();
        await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
        {
            db.Sessions.Add(row);
            db.Groups.AddRange(groupRows);
            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        var session = new SessionRuntime(row, entry.Scenario, entry.Scorer, _options.JoinsPerMinutePerSession);
        foreach (var g in groupRows)
        {
            var state = new GroupState(new GroupSetup(entry.Scenario, entry.Scorer, SeedOf(row, g)), SettingsOf(row));
            Add(session, new GroupRuntime(session, g.Id, g.Name, state, _services));
        }

        Register(session);
        return session;
    }

    /// <summary>The session with this id, or null.</summary>
    public SessionRuntime? FindSession(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>The session with this join code (spaces, dashes and case ignored), ended ones included, or null.</summary>
    public SessionRuntime? FindByCode(string? code)
    {
        var normalized = JoinCodes.Normalize(code);
        return _byCode.TryGetValue(normalized, out var live)
            ? live
            : _sessions.Values.FirstOrDefault(s => string.Equals(s.Row.JoinCode, normalized, StringComparison.Ordinal));
    }

    /// <summary>The group with this id, or null.</summary>
    public GroupRuntime? FindGroup(string id) => _groups.GetValueOrDefault(id);

    /// <summary>The group and seat a participant token belongs to, or null.</summary>
    public (GroupRuntime Group, Seat Seat)? FindSeat(string token) =>
        _groupByToken.TryGetValue(token, out var group) && group.Seats.TryGetValue(token, out var seat) ? (group, seat) : null;

    /// <summary>Seats a student, or explains why not.</summary>
    public async Task<(GroupRuntime Group, Seat Seat)> JoinAsync(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? string.Empty).Trim();
        if (!VisibleText.HasVisible(name) || VisibleText.Length(name) > 40)
        {
            throw new Refusal(RefusalCode.NameRequired, ServerText.NameRequired);
        }

        if (FindByCode(request.JoinCode) is not { } session)
        {
            throw new Refusal(RefusalCode.JoinCodeUnknown, ServerText.UnknownJoinCode);
        }

        if (session.Row.State == SessionState.Ended)
        {
            throw new Refusal(RefusalCode.JoinCodeEnded, ServerText.SessionEndedAskForCode);
        }

        var role = request.Role ?? string.Empty;
        if (role != RoleIds.Observer && session.Scenario.FindRole(role) is null)
        {
            throw new Refusal(RefusalCode.RoleUnknown, ServerText.NoSuchRoleHere(role, session.Scenario.Roles.Select(r => r.Id)));
        }

        await _seating.WaitAsync().ConfigureAwait(false);
        try
        {
            var group = PickGroup(session, request.GroupId, role);
            if (role == RoleIds.Observer && session.Groups.Sum(g => g.Seats.Values.Count(s => s.Role == RoleIds.Observer)) >= _options.MaxObserversPerSession)
            {
                throw new Refusal(RefusalCode.ObserversFull, ServerText.ObserversFull(_options.MaxObserversPerSession));
            }

            // Counted last, so a refused join does not use up the session's joins.
            using (var lease = session.Joins.AttemptAcquire())
            {
                if (!lease.IsAcquired)
                {
                    throw new Refusal(RefusalCode.JoinsBusy, ServerText.JoinsBusy);
                }
            }

            var row = new SeatRow { Token = JoinCodes.NewToken(), GroupId = group.Id, Role = role, Name = name, JoinedUtc = DateTime.UtcNow };
            await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
            {
                db.Seats.Add(row);
                await db.SaveChangesAsync().ConfigureAwait(false);
            }

            var seat = SeatOf(row);
            await group.SubmitAsync(new GroupCommand.TakeSeat(seat));
            _groupByToken[seat.Token] = group;
            return (group, seat);
        }
        finally
        {
            _seating.Release();
        }
    }

    /// <summary>Opens play in every group; bots make any opening move that is theirs.</summary>
    public async Task StartAsync(SessionRuntime session)
    {
        ArgumentNullException.ThrowIfNull(session);
        CheckMove(session.Row.State, SessionState.Running); // before the clocks start; checked again as the state moves

        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.StartClock());
        }

        await SetStateAsync(session, SessionState.Running).ConfigureAwait(false);
    }

    /// <summary>Lets bots play empty seats (or stops them); bots step in at once where the move is theirs.</summary>
    public async Task SetBotsAsync(SessionRuntime session, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Row.BotsForEmptyRoles = enabled;
        await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
        {
            await db.Sessions.Where(s => s.Id == session.Row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.BotsForEmptyRoles, enabled)).ConfigureAwait(false);
        }

        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.SetBots(enabled));
        }
    }

    /// <summary>Shows or hides verdicts to students from the next turn on; watchers always see them.</summary>
    public async Task SetLiveFeedbackAsync(SessionRuntime session, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
        {
            await db.Sessions.Where(s => s.Id == session.Row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LiveFeedback, enabled)).ConfigureAwait(false);
        }

        session.Row.LiveFeedback = enabled;
        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.SetLiveFeedback(enabled));
        }

        await BroadcastSessionStateAsync(session).ConfigureAwait(false);
    }

    /// <summary>Pauses play; turns are refused until it resumes.</summary>
    public Task PauseAsync(SessionRuntime session) => SetStateAsync(session, SessionState.Paused);

    /// <summary>Ends the session: every unfinished group gets the scenario's unfinished outcome.</summary>
    public Task EndAsync(SessionRuntime session) => SetStateAsync(session, SessionState.Ended);

    /// <summary>Records an instructor's override of one verdict.</summary>
    public async Task OverrideAsync(GroupRuntime group, int seq, string principle, int verdict, string note)
    {
        ArgumentNullException.ThrowIfNull(group);
        var turn = await group.ReadAsync(s => s.Turns.FirstOrDefault(t => t.Seq == seq));
        if (turn?.Score is null)
        {
            throw new Refusal(RefusalCode.NotAScoredTurn, ServerText.NotAScoredTurn(seq));
        }

        if (Core.Scoring.Principles.IndexOf(principle) < 0 || verdict is < -1 or > 1)
        {
            throw new Refusal(RefusalCode.BadOverride, ServerText.BadOverride);
        }

        await using var db = await _db.CreateDbContextAsync().ConfigureAwait(false);
        db.Overrides.Add(new OverrideRow { GroupId = group.Id, Seq = seq, Principle = principle, Verdict = verdict, Note = note ?? string.Empty, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    /// <summary>The overrides of a group, oldest first.</summary>
    public async Task<List<OverrideRow>> OverridesAsync(string groupId)
    {
        await using var db = await _db.CreateDbContextAsync().ConfigureAwait(false);
        return await db.Overrides.AsNoTracking().Where(o => o.GroupId == groupId).OrderBy(o => o.Id).ToListAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the session to <paramref name="state"/> when the state machine allows it (see <see cref="CheckMove"/>):
    /// lobby → running or ended; running ⇄ paused; running or paused → ended; nothing ever leaves ended. Staying in the
    /// same state is a no-op. The stored row is only changed while it is not ended, so a stale copy cannot revive it.
    /// </summary>
    private async Task SetStateAsync(SessionRuntime session, SessionState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.StateGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (session.Row.State == state)
            {
                return;
            }

            CheckMove(session.Row.State, state);
            int changed;
            await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
            {
                changed = await db.Sessions.Where(s => s.Id == session.Row.Id && s.State != SessionState.Ended)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state)).ConfigureAwait(false);
            }

            if (changed == 0 && state != SessionState.Ended)
            {
                session.Row.State = SessionState.Ended;
                _byCode.TryRemove(session.Row.JoinCode, out _);
                await SetPhaseAsync(session, SessionState.Ended);
                throw new Refusal(RefusalCode.SessionEnded, state == SessionState.Running ? ServerText.CannotRestart : ServerText.EndedCannotPause);
            }

            session.Row.State = state;
            if (state == SessionState.Ended)
            {
                _byCode.TryRemove(session.Row.JoinCode, out _);
            }

            // Every group hears of it before the session's clients do, so no snapshot taken after they hear is older.
            await SetPhaseAsync(session, state);
        }
        finally
        {
            session.StateGate.Release();
        }

        await BroadcastSessionStateAsync(session).ConfigureAwait(false);
    }

    /// <summary>Refuses a move the session state machine does not have.</summary>
    private static void CheckMove(SessionState from, SessionState to)
    {
        switch (from, to)
        {
            case (SessionState.Ended, SessionState.Running):
                throw new Refusal(RefusalCode.SessionEnded, ServerText.CannotRestart);
            case (SessionState.Ended, not SessionState.Ended):
                throw new Refusal(RefusalCode.SessionEnded, ServerText.EndedCannotPause);
            case (SessionState.Lobby, SessionState.Paused):
                throw new Refusal(RefusalCode.SessionNotStarted, ServerText.PauseBeforeStart);
        }
    }

    /// <summary>Tells every group the session's state; an ended session ends every unfinished scene.</summary>
    private static async Task SetPhaseAsync(SessionRuntime session, SessionState state)
    {
        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.SetPhase(PhaseOf(state)));
        }
    }

    private Task BroadcastSessionStateAsync(SessionRuntime session)
    {
        var message = new SessionStateMessage(session.Row.Id, session.Row.State, session.Row.LiveFeedback);
        _send.ToGroups([session.WatchersGroup, .. session.Groups.Select(g => GroupNotifier.ParticipantsOf(g.Id))], nameof(IRolePlayClient.SessionState), message);
        return Task.CompletedTask;
    }

    private static GroupRuntime PickGroup(SessionRuntime session, string? groupId, string role)
    {
        if (!string.IsNullOrEmpty(groupId))
        {
            var group = session.Groups.FirstOrDefault(g => g.Id == groupId)
                ?? throw new Refusal(RefusalCode.GroupNotInSession, ServerText.GroupNotInSession);
            if (role != RoleIds.Observer && group.Seats.Values.Any(s => s.Role == role))
            {
                throw new Refusal(RefusalCode.SeatTaken, ServerText.SeatTaken(role, ServerText.RoleName(session.Scenario, role), group.Name));
            }

            return group;
        }

        return role == RoleIds.Observer
            ? session.Groups[0]
            : session.Groups.FirstOrDefault(g => g.Seats.Values.All(s => s.Role != role))
                ?? throw new Refusal(RefusalCode.NoFreeSeat, ServerText.EverySeatTaken(role, ServerText.RoleName(session.Scenario, role)));
    }

    private static string GroupName(bool chinese, int n) => chinese ? $"第 {n} 组" : $"Group {n}";

    /// <summary>A group's engine seed: the session's, offset by the group number, so bots don't speak in chorus across groups.</summary>
    private static int SeedOf(SessionRow session, GroupRow group) => unchecked(session.Seed + group.Number);

    private static GroupSettings SettingsOf(SessionRow row) => new(PhaseOf(row.State), row.BotsForEmptyRoles, row.LiveFeedback);

    private static GroupPhase PhaseOf(SessionState state) => state switch
    {
        SessionState.Lobby => GroupPhase.Lobby,
        SessionState.Running => GroupPhase.Running,
        SessionState.Paused => GroupPhase.Paused,
        _ => GroupPhase.Ended,
    };

    private static Seat SeatOf(SeatRow row) => new(row.Token, row.Role, row.Name, row.JoinedUtc);

    private void Add(SessionRuntime session, GroupRuntime group)
    {
        session.Groups.Add(group);
        _groups[group.Id] = group;
        foreach (var token in group.Seats.Keys)
        {
            _groupByToken[token] = group;
        }
    }

    private void Register(SessionRuntime session)
    {
        _sessions[session.Row.Id] = session;
        if (session.Row.State != SessionState.Ended)
        {
            _byCode[session.Row.JoinCode] = session;
        }
    }
}
