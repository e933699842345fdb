using RolePlay.Contracts;
using RolePlay.Core.Groups;
using RolePlay.Core.Localization;
using RolePlay.Server.Hubs;
using RolePlay.Server.Localization;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Cluster;

/// <summary>
/// One group, wherever in the cluster its one activation lives (on a single machine: in this process). It owns the
/// group's scene, takes its commands in order, writes the turn log before anything is sent, and, when its node dies,
/// comes back on another node from that log on the next call.
/// </summary>
/// <remarks>
/// Arguments and answers cross nodes as JSON (<see cref="ClusterSetup"/>); a refusal travels as <see cref="Reply{T}"/>
/// rather than as an exception, because its two-language text must reach the caller's <see cref="Refusal"/> whole.
/// </remarks>
public interface IGroupGrain : IGrainWithStringKey
{
    /// <summary>Runs one command.</summary>
    Task<Reply<bool>> Submit(GroupCommand command);

    /// <summary>The seat holding <paramref name="token"/> says, acts or steps in as its own role; a turn taken is returned.</summary>
    Task<Reply<TurnMessage?>> Speak(string token, SeatMove move);

    /// <summary>The seat leaves this group (moved elsewhere); returns how many connections it had.</summary>
    Task<Reply<int>> LeaveSeat(string token);

    /// <summary>A connection attaches to the seat; its scene as that seat sees it, or null when the seat is not here.</summary>
    Task<Reply<AttachReply?>> Attach(string token, bool newConnection);

    /// <summary>The scene as the instructor sees it.</summary>
    Task<GroupSnapshot> Watch();

    /// <summary>Who sits where, for the join page.</summary>
    Task<JoinGroup> JoinView();

    /// <summary>Taken seats, observers included.</summary>
    Task<IReadOnlyList<Seat>> Seats();

    /// <summary>Everything a node needs to rebuild the state for reading: reads for the record replay it there.</summary>
    Task<GroupCopy> Copy();

    /// <summary>Activates the group (if it is not active) so its clock ticks.</summary>
    Task Wake();
}

/// <summary>What a seat does: say a line, take an action, or step in.</summary>
public sealed record SeatMove(SeatMoveKind Kind, string Argument)
{
    /// <summary>Says <paramref name="text"/>.</summary>
    public static SeatMove Say(string text) => new(SeatMoveKind.Say, text);

    /// <summary>Takes action <paramref name="actionId"/>.</summary>
    public static SeatMove Act(string actionId) => new(SeatMoveKind.Act, actionId);

    /// <summary>Steps into the scene.</summary>
    public static SeatMove StepIn() => new(SeatMoveKind.StepIn, string.Empty);
}

/// <summary>The kinds of <see cref="SeatMove"/>.</summary>
public enum SeatMoveKind
{
    /// <summary>A line.</summary>
    Say,

    /// <summary>One of the stage's actions.</summary>
    Act,

    /// <summary>Stepping into the scene.</summary>
    StepIn,
}

/// <summary>An attached seat and its scene.</summary>
public sealed record AttachReply(Seat Seat, GroupSnapshot Snapshot);

/// <summary>A group's state as data: its setup's seed, settings, seats and log.</summary>
public sealed record GroupCopy(int Seed, GroupSettings Settings, IReadOnlyList<Seat> Seats, GroupLog Log);

/// <summary>An answer, or the refusal that took its place.</summary>
public sealed record Reply<T>(T Value, RefusalCode Code, LocalizedText? Refused)
{
    /// <summary>The value, or the refusal thrown on the caller's side.</summary>
    public T Unwrap() => Refused is null ? Value : throw new Refusal(Code, Refused);

    /// <summary>Runs <paramref name="work"/>, turning a refusal, or a write the database refused, into a reply.</summary>
    public static async Task<Reply<T>> Of(Func<Task<T>> work, ILogger? logger = null)
    {
        try
        {
            return new Reply<T>(await work(), default, null);
        }
        catch (Refusal refusal)
        {
            return new Reply<T>(default!, refusal.Code, refusal.Text);
        }
        catch (Exception ex) when (Persistence.StorageFailure.Is(ex))
        {
            // Nothing was stored or acknowledged; the database's own words stay in the log.
            logger?.LogWarning("Could not save: {Error}", ex.GetBaseException().Message);
            return new Reply<T>(default!, RefusalCode.CouldNotSave, ServerText.CouldNotSave);
        }
    }
}

/// <summary>The grain behind <see cref="IGroupGrain"/>: a <see cref="GroupRunner"/> restored from the log on activation.</summary>
/// <remarks>
/// Placed on the node that first calls it (the node of the first student seated, through the session's grain): most of
/// a group's people reach it through one node, and its events leave from there.
/// </remarks>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class GroupGrain(SessionService sessions, ILogger<GroupGrain> logger) : Grain, IGroupGrain
{
    private GroupRunner _runner = null!;
    private int _seed;
    private IGrainTimer? _clock;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_runner, _seed) = await sessions.LoadRunnerAsync(this.GetPrimaryKeyString(), cancellationToken);
        logger.LogInformation("Group {GroupId} is live on this node, replayed from its stored log", _runner.Id);

        // The clock ticks timed transitions once a second. It keeps the grain alive until the session ends, so seat
        // connections (held only here) are not forgotten by an idle collection; an ended group may be put away.
        if (!_runner.Finished)
        {
            _clock = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        }
    }

    public Task<Reply<bool>> Submit(GroupCommand command) => Guard<bool>(async () =>
    {
        await _runner.SubmitAsync(command);
        return true;
    });

    public Task<Reply<TurnMessage?>> Speak(string token, SeatMove move) => Guard<TurnMessage?>(async () =>
    {
        var role = await _runner.ReadAsync(s => s.Seats.TryGetValue(token, out var seat) ? seat.Role : null)
            ?? throw new Refusal(RefusalCode.NoSeatYet, ServerText.NoSeatYet);
        if (role == RoleIds.Observer)
        {
            throw new Refusal(RefusalCode.NotYourRole, ServerText.ObserversCannotSpeak);
        }

        switch (move.Kind)
        {
            case SeatMoveKind.Say:
                return Messages.Turn(_runner.Id, await _runner.TakeTurnAsync(new GroupCommand.Say(role, move.Argument)));
            case SeatMoveKind.Act:
                return Messages.Turn(_runner.Id, await _runner.TakeTurnAsync(new GroupCommand.Act(role, move.Argument)));
            default:
                await _runner.SubmitAsync(new GroupCommand.StepIn(role));
                return null;
        }
    });

    public Task<Reply<int>> LeaveSeat(string token) => Guard<int>(async () =>
    {
        var left = await _runner.SubmitAsync(new GroupCommand.LeaveSeat(token));
        return left.OfType<GroupEvent.RosterChanged>().SelectMany(r => r.Removed).Sum(s => s.Connections);
    });

    public Task<Reply<AttachReply?>> Attach(string token, bool newConnection) => Guard<AttachReply?>(() =>
        _runner.SubmitAsync(new GroupCommand.Attach(token, newConnection), state =>
            state.Seats.TryGetValue(token, out var seat)
                ? new AttachReply(seat, Messages.Snapshot(_runner, state, seat.IsObserver ? null : seat.Role, instructor: false, SeatIds.Of(token)))
                : null)); // moved away meanwhile

    public Task<GroupSnapshot> Watch() => _runner.ReadAsync(state => Messages.Snapshot(_runner, state, null, instructor: true));

    public Task<JoinGroup> JoinView() =>
        _runner.ReadAsync(state => new JoinGroup(_runner.Id, _runner.Name, [.. state.Roster.Select(Messages.Seat)], [.. state.BotRoles]));

    public Task<IReadOnlyList<Seat>> Seats() => Task.FromResult<IReadOnlyList<Seat>>([.. _runner.Seats.Values]);

    public Task<GroupCopy> Copy() => _runner.ReadAsync(state => new GroupCopy(_seed, state.Settings, [.. state.Seats.Values], state.Log));

    public Task Wake() => Task.CompletedTask;

    private Task<Reply<T>> Guard<T>(Func<Task<T>> work) => Reply<T>.Of(work, logger);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _runner.TickAsync();
        }
        catch (Refusal)
        {
            // Redis is down: the clock waits for it, rather than move the scene with nobody hearing.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Clock tick failed for group {GroupId}", _runner.Id);
        }

        if (_runner.Finished)
        {
            _clock?.Dispose();
            _clock = null;
        }
    }
}
