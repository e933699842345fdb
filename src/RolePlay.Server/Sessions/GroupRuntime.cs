using RolePlay.Contracts;
using RolePlay.Core.Groups;
using RolePlay.Server.Cluster;

namespace RolePlay.Server.Sessions;

/// <summary>
/// A group as this node sees it: its name and session, and the way to its grain (<see cref="IGroupGrain"/>), which may
/// live on any node. Live questions go to the grain; reads for the record (transcripts, reviews, feedback checks)
/// replay a copy of the group's log here, so they never queue behind the group's turns.
/// </summary>
public sealed class GroupRuntime(SessionRuntime session, string id, string name, IGrainFactory grains)
{
    /// <summary>The group's id.</summary>
    public string Id { get; } = id;

    /// <summary>The group's name, e.g. "Group 2".</summary>
    public string Name { get; } = name;

    /// <summary>The session this group belongs to.</summary>
    public SessionRuntime Session { get; } = session;

    private IGroupGrain Grain => grains.GetGrain<IGroupGrain>(Id);

    /// <summary>Runs one command; throws <see cref="Localization.Refusal"/> when refused.</summary>
    public async Task SubmitAsync(GroupCommand command) => (await GrainCall.Run(() => Grain.Submit(command))).Unwrap();

    /// <summary>The seat holding <paramref name="token"/> says, acts or steps in; returns the turn it took, if any.</summary>
    public async Task<TurnMessage?> SpeakAsync(string token, SeatMove move) => (await GrainCall.Run(() => Grain.Speak(token, move))).Unwrap();

    /// <summary>The seat leaves this group; returns how many connections it had.</summary>
    public async Task<int> LeaveSeatAsync(string token) => (await GrainCall.Run(() => Grain.LeaveSeat(token))).Unwrap();

    /// <summary>Attaches a connection to the seat; null when the seat is not (or no longer) here.</summary>
    public async Task<AttachReply?> AttachAsync(string token, bool newConnection) => (await GrainCall.Run(() => Grain.Attach(token, newConnection))).Unwrap();

    /// <summary>The scene as the instructor sees it.</summary>
    public Task<GroupSnapshot> WatchAsync() => GrainCall.Run(() => Grain.Watch());

    /// <summary>Who sits where, for the join page.</summary>
    public Task<JoinGroup> JoinViewAsync() => GrainCall.Run(() => Grain.JoinView());

    /// <summary>Taken seats, observers included.</summary>
    public Task<IReadOnlyList<Seat>> SeatsAsync() => GrainCall.Run(() => Grain.Seats());

    /// <summary>Makes sure the group is active somewhere, so its clock ticks.</summary>
    public Task WakeAsync() => GrainCall.Run(() => Grain.Wake());

    /// <summary>Reads a copy of the group's state, rebuilt here from its log as of now. For reading only.</summary>
    public async Task<T> ReadAsync<T>(Func<GroupState, T> read)
    {
        var copy = await GrainCall.Run(() => Grain.Copy());
        var state = GroupState.Restore(new GroupSetup(Session.Scenario, Session.Scorer, copy.Seed), copy.Settings, copy.Seats, copy.Log);
        return read(state);
    }
}
