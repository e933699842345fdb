using RolePlay.Contracts;
using RolePlay.Core.Groups;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Cluster;

/// <summary>
/// One session, wherever in the cluster its one activation lives: seating, moving people and the session's state
/// machine happen here one at a time, so two nodes never give the same seat away or race a start against an end.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Seats a student; returns the group and the seat.</summary>
    Task<Reply<JoinedSeat?>> Join(JoinRequest request);

    /// <summary>Moves a seated participant (instructor).</summary>
    Task<Reply<bool>> Move(string seatId, string groupId, string role);

    /// <summary>Opens play.</summary>
    Task<Reply<bool>> Start();

    /// <summary>Pauses, resumes or ends play.</summary>
    Task<Reply<bool>> SetState(SessionState state);

    /// <summary>Lets bots play empty seats, or stops them.</summary>
    Task<Reply<bool>> SetBots(bool enabled);

    /// <summary>Shows or hides verdicts to students.</summary>
    Task<Reply<bool>> SetLiveFeedback(bool enabled);
}

/// <summary>Where a student was seated.</summary>
public sealed record JoinedSeat(string GroupId, Seat Seat);

/// <summary>
/// The grain behind <see cref="ISessionGrain"/>. The session's row lives in the database; each call first reads it
/// again, so what another node showed a moment ago never decides anything here.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class SessionGrain(SessionService sessions) : Grain, ISessionGrain
{
    public Task<Reply<JoinedSeat?>> Join(JoinRequest request) => Reply<JoinedSeat?>.Of(async () =>
    {
        var (group, seat) = await sessions.JoinHereAsync(await Session(), request);
        return new JoinedSeat(group.Id, seat);
    });

    public Task<Reply<bool>> Move(string seatId, string groupId, string role) =>
        Run(session => sessions.MoveHereAsync(session, seatId, groupId, role));

    public Task<Reply<bool>> Start() => Run(sessions.StartHereAsync);

    public Task<Reply<bool>> SetState(SessionState state) => Run(session => sessions.SetStateHereAsync(session, state));

    public Task<Reply<bool>> SetBots(bool enabled) => Run(session => sessions.SetBotsHereAsync(session, enabled));

    public Task<Reply<bool>> SetLiveFeedback(bool enabled) => Run(session => sessions.SetLiveFeedbackHereAsync(session, enabled));

    private Task<Reply<bool>> Run(Func<SessionRuntime, Task> work) => Reply<bool>.Of(async () =>
    {
        await work(await Session());
        return true;
    });

    private async Task<SessionRuntime> Session() =>
        await sessions.ReloadAsync(this.GetPrimaryKeyString())
        ?? throw new Localization.Refusal(RefusalCode.SessionUnknown, Localization.ServerText.NoSession(this.GetPrimaryKeyString()));
}
