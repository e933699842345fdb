using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;
using RolePlay.Server.Localization;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Hubs;

/// <summary>
/// The one place a group's state and events become hub messages: what each event looks like on the wire, who gets it
/// (<see cref="GroupNotifier"/>), the scene snapshot a client starts from, and the words of a refusal.
/// </summary>
internal static class Messages
{
    public static TurnMessage Turn(string groupId, Turn turn, bool withFeedback, Side? expecting = null) =>
        TurnMessage.From(groupId, TranscriptTurn.From(turn), withFeedback, expecting);

    /// <summary>An accepted turn as students, and the player who took it, see it.</summary>
    public static TurnMessage Turn(string groupId, GroupEvent.TurnAccepted accepted) =>
        Turn(groupId, accepted.Turn, accepted.VerdictsForStudents, accepted.Expecting);

    public static EndedMessage Ended(string groupId, Outcome outcome) =>
        new(groupId, outcome.Id, outcome.Success, outcome.Title, outcome.Debrief, outcome.Questions);

    /// <summary>The principles as the rubric names them, in the order verdicts are reported.</summary>
    public static IReadOnlyList<PrincipleInfo> Principles(Rubric rubric) =>
        [.. rubric.Principles.Select(p => new PrincipleInfo(p.Id, p.Name, p.ShortName))];

    /// <summary>The scenario's mood bands as it names them.</summary>
    public static IReadOnlyList<MoodBandInfo> MoodBands(Scenario scenario) =>
        [.. scenario.Mood.Bands.Select(b => new MoodBandInfo(b.Id, b.Name))];

    public static StageInfo Stage(string groupId, Scene scene) => new(
        groupId, scene.Stage.Id, scene.Stage.Title, scene.Stage.Narration,
        scene.Stage.Actions.GroupBy(a => a.Role).ToDictionary(
            g => g.Key, g => (IReadOnlyList<ActionInfo>)[.. g.Select(a => new ActionInfo(a.Id, a.Label))], StringComparer.Ordinal),
        scene.Present,
        [.. scene.Waiting.Select(w => new WaitingInfo(w.Role, w.Why, w.WaysIn, w.CanStepIn))]);

    public static MoodInfo Mood(string groupId, int mood, string band) => new(groupId, mood, band);

    public static RosterMessage Roster(string groupId, GroupEvent.RosterChanged roster) =>
        new(groupId, [.. roster.Changed.Select(Seat)], [.. roster.Removed.Select(s => SeatIds.Of(s.Token))], roster.BotRoles);

    /// <summary>A seat as rosters show it: named by its public id, never by its token.</summary>
    public static SeatInfo Seat(Seat seat) => new(SeatIds.Of(seat.Token), seat.Role, seat.Name, seat.Connected);

    public static SessionState SessionState(GroupPhase phase) => phase switch
    {
        GroupPhase.Lobby => Contracts.SessionState.Lobby,
        GroupPhase.Running => Contracts.SessionState.Running,
        GroupPhase.Paused => Contracts.SessionState.Paused,
        _ => Contracts.SessionState.Ended,
    };

    /// <summary>What to tell the person whose command the group refused.</summary>
    public static Refusal Refusal(GroupEvent.Refused refused) => refused.Reason switch
    {
        RefusalReason.NotStarted => new(RefusalCode.SessionNotStarted, ServerText.NotStarted),
        RefusalReason.Paused => new(RefusalCode.SessionPaused, ServerText.Paused),
        RefusalReason.SessionEnded => new(RefusalCode.SessionEnded, ServerText.SessionEnded),
        _ => new(RefusalCode.PlayRule, refused.Rule ?? throw new InvalidOperationException($"A {refused.Reason} refusal without its rule.")),
    };
    /// <summary>The scene as <paramref name="viewerRole"/> sees it (null for the instructor, who sees everything); <paramref name="seatId"/> is the viewer's own seat.</summary>
    public static GroupSnapshot Snapshot(GroupRunner group, GroupState state, string? viewerRole, bool instructor, string? seatId = null)
    {
        var scenario = state.Scenario;
        var bots = state.BotRoles;
        var feedback = instructor || state.Settings.LiveFeedback;
        var roles = scenario.Roles.Select(r => new RoleInfo(
            r.Id, r.Name, r.IsCustomer, bots.Contains(r.Id),
            [.. state.Stage.Actions.Where(a => a.Role == r.Id).Select(a => new ActionInfo(a.Id, a.Label))])).ToList();
        var role = viewerRole is null ? null : scenario.FindRole(viewerRole);
        return new GroupSnapshot(
            group.SessionId,
            group.Id,
            group.Name,
            scenario.Id,
            scenario.Title,
            scenario.Locale,
            SessionState(state.Settings.Phase),
            state.Settings.LiveFeedback,
            Stage(group.Id, state.Scene),
            Mood(group.Id, state.Mood, state.MoodBand.Id),
            state.Expecting,
            state.RolesToMove,
            roles,
            [.. state.Turns.Select(t => Turn(group.Id, t, feedback))],
            [.. state.Roster.Select(Seat)],
            state.Outcome is null ? null : Ended(group.Id, state.Outcome),
            role is null ? null : new RoleBriefing(role.Id, role.Briefing, role.Notes),
            instructor ? [.. scenario.Events.Select(e => new EventInfo(e.Id, e.Label))] : [],
            instructor ? null : seatId,
            group.Principles,
            MoodBands(scenario));
    }
}

/// <summary>
/// Sends a group's events over SignalR to its participants and to its session's watchers (the instructor), through
/// <see cref="Broadcaster"/>: issued in order, never awaited. Students get verdicts only while live feedback is on, and
/// never hear of observers' seats.
/// </summary>
public sealed class GroupNotifier(Broadcaster send, Cluster.Backplane backplane) : IGroupNotifier
{
    /// <inheritdoc />
    public bool CanSend => backplane.IsUp;

    /// <summary>The SignalR group of a group's participants.</summary>
    public static string ParticipantsOf(string groupId) => "g:" + groupId;

    /// <summary>The SignalR group of a session's watchers.</summary>
    public static string WatchersOf(string sessionId) => "w:" + sessionId;

    /// <inheritdoc />
    public void Send(string sessionId, string groupId, IReadOnlyList<GroupEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var participants = ParticipantsOf(groupId);
        var watchers = WatchersOf(sessionId);

        // One call to both SignalR groups where both get the same message: SignalR serializes it once for every
        // connection in either group.
        IReadOnlyList<string> everyone = [participants, watchers];
        foreach (var e in events)
        {
            switch (e)
            {
                case GroupEvent.TurnAccepted accepted:
                    var full = Messages.Turn(groupId, accepted.Turn, withFeedback: true, accepted.Expecting);
                    if (accepted.VerdictsForStudents)
                    {
                        send.ToGroups(everyone, nameof(IRolePlayClient.Turn), full);
                    }
                    else
                    {
                        send.ToGroup(participants, nameof(IRolePlayClient.Turn), Messages.Turn(groupId, accepted));
                        send.ToGroup(watchers, nameof(IRolePlayClient.Turn), full);
                    }

                    break;
                case GroupEvent.SceneChanged scene:
                    send.ToGroups(everyone, nameof(IRolePlayClient.Stage), Messages.Stage(groupId, scene.Scene));
                    break;
                case GroupEvent.MoodChanged mood:
                    send.ToGroups(everyone, nameof(IRolePlayClient.Mood), Messages.Mood(groupId, mood.Mood, mood.Band));
                    break;
                case GroupEvent.Ended ended:
                    send.ToGroups(everyone, nameof(IRolePlayClient.Ended), Messages.Ended(groupId, ended.Outcome));
                    break;
                case GroupEvent.RosterChanged roster when roster.ObserversOnly:
                    send.ToGroup(watchers, nameof(IRolePlayClient.Roster), Messages.Roster(groupId, roster));
                    break;
                case GroupEvent.RosterChanged roster:
                    send.ToGroups(everyone, nameof(IRolePlayClient.Roster), Messages.Roster(groupId, roster));
                    break;
            }
        }
    }
}
