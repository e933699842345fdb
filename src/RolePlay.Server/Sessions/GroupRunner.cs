using RolePlay.Contracts;
using RolePlay.Core.Groups;
using RolePlay.Server.Hubs;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Sessions;

/// <summary>
/// One group's live play, inside its grain (<see cref="Cluster.GroupGrain"/>): a thin runner around its <see cref="GroupState"/>. It owns the gate (one
/// command at a time per group), stamps each command with the time, stores what must be stored before anything is sent
/// (<see cref="ITurnLog"/>), sends the events (<see cref="IGroupNotifier"/>), and schedules the bot moves the state
/// asks for. A refused command changes nothing and sends nothing; so does one whose turn the log could not store.
/// </summary>
public sealed class GroupRunner
{
    /// <summary>Bots answering bots stop after this many moves with nobody else acting, so a scene with no people cannot run forever.</summary>
    private const int MaxBotMovesInARow = 50;

    private readonly Gate<Held> _gate;
    private readonly GroupServices _services;

    // Published after every command, immutable, so seating and the clock can look without queuing at the gate.
    private volatile IReadOnlyDictionary<string, Seat> _seats;
    private volatile bool _ticking;
    private volatile bool _ended;

    internal GroupRunner(string sessionId, string id, string name, GroupState state, GroupServices services)
    {
        SessionId = sessionId;
        Id = id;
        Name = name;
        _services = services;
        _gate = new Gate<Held>(new Held(state));
        _seats = state.Seats;
        _ticking = Ticks(state);
        _ended = state.Settings.Phase == GroupPhase.Ended;
    }

    /// <summary>The group's id.</summary>
    public string Id { get; }

    /// <summary>The group's name, e.g. "Group 2".</summary>
    public string Name { get; }

    /// <summary>The id of the session this group belongs to.</summary>
    public string SessionId { get; }

    /// <summary>The principles' names as the rubric gives them, for snapshots.</summary>
    internal IReadOnlyList<PrincipleInfo> Principles => _services.Principles;

    /// <summary>Taken seats by participant token (observers included), as of the last command.</summary>
    public IReadOnlyDictionary<string, Seat> Seats => _seats;

    /// <summary>Reads the state with the group to itself. For reading only: changes go through <see cref="SubmitAsync(GroupCommand)"/>.</summary>
    public Task<T> ReadAsync<T>(Func<GroupState, T> read) => _gate.RunAsync(held => read(held.State));

    /// <summary>Runs one command: applied, stored, sent. Returns what it caused; throws <see cref="Refusal"/> when refused.</summary>
    public Task<IReadOnlyList<GroupEvent>> SubmitAsync(GroupCommand command) => _gate.RunAsync(held => ApplyAsync(held, command));

    /// <summary>Runs one command, then reads the state before anything else can change it.</summary>
    public Task<T> SubmitAsync<T>(GroupCommand command, Func<GroupState, T> andRead) => _gate.RunAsync(async held =>
    {
        await ApplyAsync(held, command);
        return andRead(held.State);
    });

    /// <summary>Takes a turn (say or act); returns it as accepted.</summary>
    public async Task<GroupEvent.TurnAccepted> TakeTurnAsync(GroupCommand command) =>
        (await SubmitAsync(command)).OfType<GroupEvent.TurnAccepted>().Single();

    /// <summary>Lets time pass: a timed transition whose time has come fires and is logged.</summary>
    public Task TickAsync() => _ticking ? SubmitAsync(new GroupCommand.Tick()) : Task.CompletedTask;

    /// <summary>The session has ended for this group: nothing will move it again, so its grain may be put away.</summary>
    public bool Finished => _ended;

    private static bool Ticks(GroupState state) => state is { Settings.Phase: GroupPhase.Running, StartedUtc: not null, IsOver: false };

    /// <summary>Handles, stores, sends. Runs inside the gate.</summary>
    private async Task<IReadOnlyList<GroupEvent>> ApplyAsync(Held held, GroupCommand command)
    {
        // Nobody would hear of it: refused rather than stored unheard. A closed connection is still let go.
        if (!_services.Notifier.CanSend && command is not GroupCommand.Detach)
        {
            throw new Refusal(RefusalCode.MessagingDown, ServerText.MessagesDown);
        }

        var state = held.State;
        var checkpoint = state.Checkpoint();
        var events = state.Handle(command, _services.Time.GetUtcNow().UtcDateTime);
        if (events.OfType<GroupEvent.Refused>().FirstOrDefault() is { } refused)
        {
            throw Messages.Refusal(refused);
        }

        try
        {
            foreach (var e in events)
            {
                switch (e)
                {
                    case GroupEvent.TurnAccepted accepted:
                        await _services.Log.AppendAsync(Id, accepted.Turn);
                        break;
                    case GroupEvent.ClockStarted started:
                        await _services.Log.MarkStartedAsync(Id, started.StartedUtc);
                        break;
                }
            }
        }
        catch
        {
            state.RollBack(checkpoint); // not stored means not accepted
            throw;
        }

        _services.Notifier.Send(SessionId, Id, events);
        _seats = state.Seats;
        _ticking = Ticks(state);
        _ended = state.Settings.Phase == GroupPhase.Ended;
        ScheduleBots(held, command);
        return events;
    }

    /// <summary>Starts a bot pass when the state says a bot should move and none is under way. Runs inside the gate.</summary>
    private void ScheduleBots(Held held, GroupCommand command)
    {
        // People's turns and the instructor's steering restart the count; the clock, connections and bots do not.
        if (command is not (GroupCommand.BotMove or GroupCommand.Tick or GroupCommand.Attach or GroupCommand.Detach))
        {
            held.BotMovesInARow = 0;
        }

        if (!held.BotPassRunning && held.BotMovesInARow < MaxBotMovesInARow && held.State.BotToMove is not null)
        {
            held.BotPassRunning = true;
            _ = PlayBotsAsync();
        }
    }

    /// <summary>Plays bot moves, one gate turn each, while the state says a bot should move.</summary>
    private async Task PlayBotsAsync()
    {
        try
        {
            var more = true;
            while (more)
            {
                if (_services.BotDelayMs > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_services.BotDelayMs), _services.Time); // so people can read along
                }
                else
                {
                    await Task.Yield(); // off the caller's gate turn
                }

                more = await _gate.RunAsync(async held =>
                {
                    // Checked again: a person may have moved, or the instructor paused, during the delay.
                    if (held.State.BotToMove is null || held.BotMovesInARow >= MaxBotMovesInARow)
                    {
                        held.BotPassRunning = false;
                        return false;
                    }

                    held.BotMovesInARow++;
                    await ApplyAsync(held, new GroupCommand.BotMove());
                    return true;
                });
            }
        }
        catch (Exception ex)
        {
            await _gate.RunAsync(held => held.BotPassRunning = false);
            _services.Logger.LogWarning(ex, "A bot move in group {GroupId} failed; bots wait for the next turn", Id);
        }
    }

    /// <summary>Everything of the group that changes, reachable only through the gate.</summary>
    private sealed class Held(GroupState state)
    {
        public GroupState State { get; } = state;

        /// <summary>A bot pass is scheduled or playing: at most one per group.</summary>
        public bool BotPassRunning { get; set; }

        public int BotMovesInARow { get; set; }
    }
}

/// <summary>What every group runtime needs from the host.</summary>
/// <param name="Principles">The principles' names from the library's rubric, the same for every group.</param>
internal sealed record GroupServices(ITurnLog Log, IGroupNotifier Notifier, TimeProvider Time, int BotDelayMs, ILogger Logger, IReadOnlyList<PrincipleInfo> Principles);
