using RolePlay.Client.Live;

namespace RolePlay.Client.Tests;

/// <summary>A hub connection for component tests: records every call, answers from canned results, raises events on demand.</summary>
public sealed class FakeRolePlayConnection : IRolePlayConnection, IRolePlayConnectionFactory
{
    /// <summary>Every call made, as "Method arg1 arg2".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>What Join and Rejoin return.</summary>
    public JoinResult? JoinResult { get; set; }

    /// <summary>What WatchSession returns.</summary>
    public IReadOnlyList<GroupSnapshot> Watched { get; set; } = [];

    /// <summary>When set, every call fails with this hub error message.</summary>
    public string? FailWith { get; set; }

    public event Func<TurnMessage, Task>? Turn;
    public event Func<StageInfo, Task>? Stage;
    public event Func<MoodInfo, Task>? Mood;
    public event Func<RosterMessage, Task>? Roster;
    public event Func<EndedMessage, Task>? Ended;
    public event Func<SessionStateMessage, Task>? SessionState;
    public event Func<MovedMessage, Task>? Moved;
    public event Func<LinkState, Task>? LinkChanged;

    public LinkState Link { get; private set; } = LinkState.Connecting;

    public IRolePlayConnection Create() => this;

    public Task RaiseTurn(TurnMessage m) => Turn?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseStage(StageInfo m) => Stage?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseMood(MoodInfo m) => Mood?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseRoster(RosterMessage m) => Roster?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseEnded(EndedMessage m) => Ended?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseSessionState(SessionStateMessage m) => SessionState?.Invoke(m) ?? Task.CompletedTask;
    public Task RaiseMoved(MovedMessage m) => Moved?.Invoke(m) ?? Task.CompletedTask;

    public Task RaiseLink(LinkState state)
    {
        Link = state;
        return LinkChanged?.Invoke(state) ?? Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => RaiseLink(LinkState.Connected);

    public Task<JoinResult> JoinAsync(JoinRequest request) => Call($"Join {request.JoinCode} {request.Name} {request.Role} {request.GroupId}", () => JoinResult!);
    public Task<JoinResult> RejoinAsync(string participantToken) => Call($"Rejoin {participantToken}", () => JoinResult!);
    public Task<TurnMessage> SayAsync(string text) => Call($"Say {text}", () => MakeTurn("say", text));
    public Task<TurnMessage> ActAsync(string actionId) => Call($"Act {actionId}", () => MakeTurn("act", null));
    public Task RateTurnAsync(int seq, IReadOnlyDictionary<string, int> verdicts) =>
        Call($"RateTurn {seq} {string.Join(",", verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}");
    public Task RateSatisfactionAsync(SatisfactionRating rating) =>
        Call($"RateSatisfaction {string.Join(",", rating.Items.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))} {rating.Comment}");
    public Task SubmitReflectionAsync(IReadOnlyList<string> answers) => Call($"SubmitReflection {string.Join("|", answers)}");
    public Task<IReadOnlyList<GroupSnapshot>> WatchSessionAsync(string sessionId) => Call($"WatchSession {sessionId}", () => Watched);
    public Task StartSessionAsync(string sessionId) => Call($"StartSession {sessionId}");
    public Task PauseSessionAsync(string sessionId) => Call($"PauseSession {sessionId}");
    public Task EndSessionAsync(string sessionId) => Call($"EndSession {sessionId}");
    public Task SetBotsAsync(string sessionId, bool enabled) => Call($"SetBots {sessionId} {enabled}");
    public Task SetLiveFeedbackAsync(string sessionId, bool enabled) => Call($"SetLiveFeedback {sessionId} {enabled}");
    public Task InjectEventAsync(string groupId, string eventId) => Call($"InjectEvent {groupId} {eventId}");

    public Task StepInAsync() => Call("StepIn");

    public Task BringInAsync(string groupId, string role) => Call($"BringIn {groupId} {role}");
    public Task MoveSeatAsync(string seatId, string groupId, string role) => Call($"MoveSeat {seatId} {groupId} {role}");
    public Task OverrideVerdictAsync(string groupId, int seq, string principle, int verdict, string note) => Call($"OverrideVerdict {groupId} {seq} {principle} {verdict} {note}");
    public Task AddCommentAsync(string groupId, int? seq, string text) => Call($"AddComment {groupId} {seq} {text}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TurnMessage MakeTurn(string kind, string? text) =>
        new("g1", 99, kind, "clerk", text, null, null, "counter", 0, null, false, 50, null, null, null, "customer");

    private Task Call(string call) => Call(call, () => true);

    private Task<T> Call<T>(string call, Func<T> result)
    {
        Calls.Add(call);
        return FailWith is { } message
            ? Task.FromException<T>(new Microsoft.AspNetCore.SignalR.HubException(message))
            : Task.FromResult(result());
    }
}
