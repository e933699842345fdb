using RolePlay.Contracts;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Server.Hubs;
using RolePlay.Server.Persistence;
using RolePlay.Server.Localization;
using RolePlay.Server.Cluster;

namespace RolePlay.Server.Sessions;

/// <summary>
/// Creates, finds and steers sessions. What it holds is this node's view: sessions and groups by id, code and token,
/// read from the database (any node may have created them). What changes a session happens in its grain
/// (<see cref="ISessionGrain"/>, which calls the <c>…HereAsync</c> methods on the node it lives on), and what changes a
/// group happens in the group's grain.
/// </summary>
public sealed partial class SessionService
{
    private readonly ConcurrentDictionary<string, SessionRuntime> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SessionRuntime> _byCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupRuntime> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupRuntime> _groupByToken = new(StringComparer.Ordinal);
    private readonly ScenarioLibrary _library;
    private readonly IDbContextFactory<RolePlayDb> _db;
    private readonly ITurnLog _log;
    private readonly Broadcaster _send;
    private readonly GroupServices _services;
    private readonly ServerOptions _options;
    private readonly IGrainFactory _grains;

    /// <summary>Creates the service.</summary>
    public SessionService(
        ScenarioLibrary library, IDbContextFactory<RolePlayDb> db, ITurnLog log, IGroupNotifier notifier, Broadcaster send,
        ServerOptions options, TimeProvider time, ILogger<GroupRunner> groupLogger, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(options);
        _library = library;
        _db = db;
        _log = log;
        _send = send;
        _options = options;
        _grains = grains;
        _services = new GroupServices(log, notifier, time, options.BotDelayMs, groupLogger, Messages.Principles(library.Rubric));
    }

    /// <summary>Every session, newest first.</summary>
    public IEnumerable<SessionRuntime> Sessions => _sessions.Values.OrderByDescending(s => s.Row.CreatedUtc);

    /// <summary>Every group of every session.</summary>
    public IEnumerable<GroupRuntime> Groups => _groups.Values;

    /// <summary>
    /// Reads every stored session (or those <paramref name="only"/> picks) into this node's view, and refreshes the
    /// state of those already known. Groups' scenes are not replayed here: a group's grain replays its log when it is
    /// first called (see <see cref="LoadRunnerAsync"/>).
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default, Func<IQueryable<SessionRow>, IQueryable<SessionRow>>? only = null)
    {
        await using var db = await _db.CreateDbContextAsync(cancellationToken);
        var rows = await (only ?? (q => q))(db.Sessions.AsNoTracking()).ToListAsync(cancellationToken);
        var fresh = rows.Where(r => !_sessions.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        var groups = fresh.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => fresh.Contains(g.SessionId)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (_sessions.TryGetValue(row.Id, out var known))
            {
                Refresh(known, row);
                continue;
            }

            if (_library.Find(row.ScenarioId) is not { } entry)
            {
                continue; // its scenario was removed from the library; its rows stay for the record
            }

            var session = new SessionRuntime(row, entry.Scenario, entry.Scorer, _options.JoinsPerMinutePerSession);
            foreach (var group in groups.Where(g => g.SessionId == row.Id).OrderBy(g => g.Number))
            {
                Add(session, new GroupRuntime(session, group.Id, group.Name, _grains));
            }

            Register(session);
        }
    }

    /// <summary>The session with this id, its state read again from the database; null when there is none.</summary>
    public async Task<SessionRuntime?> ReloadAsync(string sessionId)
    {
        await RestoreAsync(only: q => q.Where(r => r.Id == sessionId));
        return FindSession(sessionId);
    }

    /// <summary>
    /// Rebuilds one group's runner from the database: the stored log replayed into a fresh state, with its seats and
    /// its session's settings. Called by the group's grain as it activates, on whichever node that is.
    /// </summary>
    internal async Task<(GroupRunner Runner, int Seed)> LoadRunnerAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var db = await _db.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no group {groupId}.");
        var row = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == group.SessionId, cancellationToken);
        var entry = _library.Find(row.ScenarioId) ?? throw new InvalidOperationException($"The scenario {row.ScenarioId} of group {groupId} is not in the library.");
        var seats = await db.Seats.AsNoTracking().Where(s => s.GroupId == groupId).ToListAsync(cancellationToken);
        var logs = await _log.ReadAsync([groupId], cancellationToken);
        var seed = SeedOf(row, group);
        var state = GroupState.Restore(new GroupSetup(entry.Scenario, entry.Scorer, seed), SettingsOf(row), seats.Select(SeatOf), logs[groupId]);
        return (new GroupRunner(row.Id, group.Id, group.Name, state, _services), seed);
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
        await using (var db = await _db.CreateDbContextAsync())
        {
            db.Sessions.Add(row);
            db.Groups.AddRange(groupRows);
            await db.SaveChangesAsync();
        }

        var session = new SessionRuntime(row, entry.Scenario, entry.Scorer, _options.JoinsPerMinutePerSession);
        foreach (var g in groupRows)
        {
            Add(session, new GroupRuntime(session, g.Id, g.Name, _grains));
        }

        Register(session);
        return session;
    }

    /// <summary>Opens play in every group; bots make any opening move that is theirs.</summary>
    public async Task StartAsync(SessionRuntime session) => (await GrainCall.Run(() => SessionGrain(session).Start())).Unwrap();

    /// <summary>Opens play; runs in the session's grain.</summary>
    internal async Task StartHereAsync(SessionRuntime session)
    {
        CheckMove(session.Row.State, SessionState.Running); // before the clocks start; checked again as the state moves

        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.StartClock());
        }

        await SetStateHereAsync(session, SessionState.Running);
    }

    /// <summary>Lets bots play empty seats (or stops them); bots step in at once where the move is theirs.</summary>
    public async Task SetBotsAsync(SessionRuntime session, bool enabled) => (await GrainCall.Run(() => SessionGrain(session).SetBots(enabled))).Unwrap();

    /// <summary>Lets bots play empty seats (or stops them); runs in the session's grain.</summary>
    internal async Task SetBotsHereAsync(SessionRuntime session, bool enabled)
    {
        session.Row.BotsForEmptyRoles = enabled;
        await using (var db = await _db.CreateDbContextAsync())
        {
            await db.Sessions.Where(s => s.Id == session.Row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.BotsForEmptyRoles, enabled));
        }

        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.SetBots(enabled));
        }
    }

    /// <summary>Shows or hides verdicts to students from the next turn on; watchers always see them.</summary>
    public async Task SetLiveFeedbackAsync(SessionRuntime session, bool enabled) => (await GrainCall.Run(() => SessionGrain(session).SetLiveFeedback(enabled))).Unwrap();

    /// <summary>Shows or hides verdicts to students; runs in the session's grain.</summary>
    internal async Task SetLiveFeedbackHereAsync(SessionRuntime session, bool enabled)
    {
        await using (var db = await _db.CreateDbContextAsync())
        {
            await db.Sessions.Where(s => s.Id == session.Row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LiveFeedback, enabled));
        }

        session.Row.LiveFeedback = enabled;
        foreach (var group in session.Groups)
        {
            await group.SubmitAsync(new GroupCommand.SetLiveFeedback(enabled));
        }

        await BroadcastSessionStateAsync(session);
    }

    /// <summary>Pauses play; turns are refused until it resumes.</summary>
    public async Task PauseAsync(SessionRuntime session) => (await GrainCall.Run(() => SessionGrain(session).SetState(SessionState.Paused))).Unwrap();

    /// <summary>Ends the session: every unfinished group gets the scenario's unfinished outcome.</summary>
    public async Task EndAsync(SessionRuntime session) => (await GrainCall.Run(() => SessionGrain(session).SetState(SessionState.Ended))).Unwrap();

    /// <summary>
    /// Moves the session to <paramref name="state"/> when the state machine allows it (see <see cref="CheckMove"/>):
    /// lobby → running or ended; running ⇄ paused; running or paused → ended; nothing ever leaves ended. Staying in the
    /// same state is a no-op. The stored row is only changed while it is not ended, so a stale copy cannot revive it.
    /// </summary>
    internal async Task SetStateHereAsync(SessionRuntime session, SessionState state)
    {
        await session.StateGate.WaitAsync();
        try
        {
            if (session.Row.State == state)
            {
                return;
            }

            CheckMove(session.Row.State, state);
            int changed;
            await using (var db = await _db.CreateDbContextAsync())
            {
                changed = await db.Sessions.Where(s => s.Id == session.Row.Id && s.State != SessionState.Ended)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state));
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

        await BroadcastSessionStateAsync(session);
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

    private ISessionGrain SessionGrain(SessionRuntime session) => _grains.GetGrain<ISessionGrain>(session.Row.Id);

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
}
