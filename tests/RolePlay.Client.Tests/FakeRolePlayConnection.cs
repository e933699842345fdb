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

    /// <summary>When set, every call is refused with this, as the server sends it.</summary>
    public HubRefusal? FailWith { get; set; }

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

    public Task<JoinResult> JoinAsync(JoinRequest request) => Call($"{nameof(IRolePlayHub.Join)} {request.JoinCode} {request.Name} {request.Role} {request.GroupId}", () => JoinResult!);
    public Task<JoinResult> RejoinAsync(string participantToken) => Call($"{nameof(IRolePlayHub.Rejoin)} {participantToken}", () => JoinResult!);
    public Task<TurnMessage> SayAsync(string text) => Call($"{nameof(IRolePlayHub.Say)} {text}", () => MakeTurn(TurnKind.Say, text));
    public Task<TurnMessage> ActAsync(string actionId) => Call($"{nameof(IRolePlayHub.Act)} {actionId}", () => MakeTurn(TurnKind.Act, null));
    public Task RateTurnAsync(int seq, IReadOnlyDictionary<string, int> verdicts) =>
        Call($"{nameof(IRolePlayHub.RateTurn)} {seq} {string.Join(",", verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}");
    public Task RateSatisfactionAsync(SatisfactionRating rating) =>
        Call($"{nameof(IRolePlayHub.RateSatisfaction)} {string.Join(",", rating.Items.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))} {rating.Comment}");
    public Task SubmitReflectionAsync(IReadOnlyList<string> answers) => Call($"{nameof(IRolePlayHub.SubmitReflection)} {string.Join("|", answers)}");
    public Task<IReadOnlyList<GroupSnapshot>> WatchSessionAsync(string sessionId) => Call($"{nameof(IRolePlayHub.WatchSession)} {sessionId}", () => Watched);
    public Task StartSessionAsync(string sessionId) => Call($"{nameof(IRolePlayHub.StartSession)} {sessionId}");
    public Task PauseSessionAsync(string sessionId) => Call($"{nameof(IRolePlayHub.PauseSession)} {sessionId}");
    public Task EndSessionAsync(string sessionId) => Call($"{nameof(IRolePlayHub.EndSession)} {sessionId}");
    public Task SetBotsAsync(string sessionId, bool enabled) => Call($"{nameof(IRolePlayHub.SetBots)} {sessionId} {enabled}");
    public Task SetLiveFeedbackAsync(string sessionId, bool enabled) => Call($"{nameof(IRolePlayHub.SetLiveFeedback)} {sessionId} {enabled}");
    public Task InjectEventAsync(string groupId, string eventId) => Call($"{nameof(IRolePlayHub.InjectEvent)} {groupId} {eventId}");

    public Task StepInAsync() => Call(nameof(IRolePlayHub.StepIn));

    public Task BringInAsync(string groupId, string role) => Call($"{nameof(IRolePlayHub.BringIn)} {groupId} {role}");
    public Task MoveSeatAsync(string seatId, string groupId, string role) => Call($"{nameof(IRolePlayHub.MoveSeat)} {seatId} {groupId} {role}");
    public Task OverrideVerdictAsync(string groupId, int seq, string principle, int verdict, string note) => Call($"{nameof(IRolePlayHub.OverrideVerdict)} {groupId} {seq} {principle} {verdict} {note}");
    public Task AddCommentAsync(string groupId, int? seq, string text) => Call($"{nameof(IRolePlayHub.AddComment)} {groupId} {seq} {text}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TurnMessage MakeTurn(TurnKind kind, string? text) =>
        new("g1", 99, kind, "clerk", text, null, null, "counter", 0, null, false, 50, null, null, null, Side.Customer);

    private Task Call(string call) => Call(call, () => true);

    private Task<T> Call<T>(string call, Func<T> result)
    {
        Calls.Add(call);
        return FailWith is { } refusal
            ? Task.FromException<T>(new Microsoft.AspNetCore.SignalR.HubException(
                $"An unexpected error occurred invoking '{call.Split(' ')[0]}' on the server. HubException: {refusal.ToMessage()}"))
            : Task.FromResult(result());
    }
}
