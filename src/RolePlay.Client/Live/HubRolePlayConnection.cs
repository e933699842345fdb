using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Client.Live;

/// <summary>The real connection: a SignalR client of <c>/hubs/roleplay</c> that reconnects forever.</summary>
public sealed class HubRolePlayConnection : IRolePlayConnection
{
    private readonly HubConnection _hub;
    private readonly List<IDisposable> _handlers = [];

    /// <summary>Builds (does not start) a connection to the hub at <paramref name="hubUrl"/>.</summary>
    public HubRolePlayConnection(Uri hubUrl)
    {
        // WebSockets only, without the negotiate request: a connection is then one request from start to end, so behind
        // a load balancer it needs no sticky session, and after a node dies the reconnect lands on whichever node is up.
        _hub = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        _handlers.Add(_hub.On<TurnMessage>(nameof(IRolePlayClient.Turn), m => Raise(Turn, m)));
        _handlers.Add(_hub.On<StageInfo>(nameof(IRolePlayClient.Stage), m => Raise(Stage, m)));
        _handlers.Add(_hub.On<MoodInfo>(nameof(IRolePlayClient.Mood), m => Raise(Mood, m)));
        _handlers.Add(_hub.On<RosterMessage>(nameof(IRolePlayClient.Roster), m => Raise(Roster, m)));
        _handlers.Add(_hub.On<EndedMessage>(nameof(IRolePlayClient.Ended), m => Raise(Ended, m)));
        _handlers.Add(_hub.On<SessionStateMessage>(nameof(IRolePlayClient.SessionState), m => Raise(SessionState, m)));
        _handlers.Add(_hub.On<MovedMessage>(nameof(IRolePlayClient.Moved), m => Raise(Moved, m)));
        _hub.Reconnecting += _ => SetLink(LinkState.Reconnecting);
        _hub.Reconnected += _ => SetLink(LinkState.Reconnected);
        _hub.Closed += _ => SetLink(LinkState.Closed);
    }

    /// <inheritdoc />
    public event Func<TurnMessage, Task>? Turn;

    /// <inheritdoc />
    public event Func<StageInfo, Task>? Stage;

    /// <inheritdoc />
    public event Func<MoodInfo, Task>? Mood;

    /// <inheritdoc />
    public event Func<RosterMessage, Task>? Roster;

    /// <inheritdoc />
    public event Func<EndedMessage, Task>? Ended;

    /// <inheritdoc />
    public event Func<SessionStateMessage, Task>? SessionState;

    /// <inheritdoc />
    public event Func<MovedMessage, Task>? Moved;

    /// <inheritdoc />
    public event Func<LinkState, Task>? LinkChanged;

    /// <inheritdoc />
    public LinkState Link { get; private set; } = LinkState.Connecting;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // Automatic reconnect covers drops after the first connect; the first connect needs its own loop.
        for (var attempt = 0L; ; attempt++)
        {
            try
            {
                await _hub.StartAsync(cancellationToken).ConfigureAwait(false);
                await SetLink(LinkState.Connected).ConfigureAwait(false);
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(ForeverRetryPolicy.Delay(attempt + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task<JoinResult> JoinAsync(JoinRequest request) => _hub.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Join), request);

    /// <inheritdoc />
    public Task<JoinResult> RejoinAsync(string participantToken) => _hub.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Rejoin), participantToken);

    /// <inheritdoc />
    public Task<TurnMessage> SayAsync(string text) => _hub.InvokeAsync<TurnMessage>(nameof(IRolePlayHub.Say), text);

    /// <inheritdoc />
    public Task<TurnMessage> ActAsync(string actionId) => _hub.InvokeAsync<TurnMessage>(nameof(IRolePlayHub.Act), actionId);

    /// <inheritdoc />
    public Task RateTurnAsync(int seq, IReadOnlyDictionary<string, int> verdicts) => _hub.InvokeAsync(nameof(IRolePlayHub.RateTurn), seq, verdicts);

    /// <inheritdoc />
    public Task RateSatisfactionAsync(SatisfactionRating rating) => _hub.InvokeAsync(nameof(IRolePlayHub.RateSatisfaction), rating);

    /// <inheritdoc />
    public Task SubmitReflectionAsync(IReadOnlyList<string> answers) => _hub.InvokeAsync(nameof(IRolePlayHub.SubmitReflection), answers);

    /// <inheritdoc />
    public Task<IReadOnlyList<GroupSnapshot>> WatchSessionAsync(string sessionId) => _hub.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), sessionId);

    /// <inheritdoc />
    public Task StartSessionAsync(string sessionId) => _hub.InvokeAsync(nameof(IRolePlayHub.StartSession), sessionId);

    /// <inheritdoc />
    public Task PauseSessionAsync(string sessionId) => _hub.InvokeAsync(nameof(IRolePlayHub.PauseSession), sessionId);

    /// <inheritdoc />
    public Task EndSessionAsync(string sessionId) => _hub.InvokeAsync(nameof(IRolePlayHub.EndSession), sessionId);

    /// <inheritdoc />
    public Task SetBotsAsync(string sessionId, bool enabled) => _hub.InvokeAsync(nameof(IRolePlayHub.SetBots), sessionId, enabled);

    /// <inheritdoc />
    public Task SetLiveFeedbackAsync(string sessionId, bool enabled) => _hub.InvokeAsync(nameof(IRolePlayHub.SetLiveFeedback), sessionId, enabled);

    /// <inheritdoc />
    public Task InjectEventAsync(string groupId, string eventId) => _hub.InvokeAsync(nameof(IRolePlayHub.InjectEvent), groupId, eventId);

    /// <inheritdoc />
    public Task StepInAsync() => _hub.InvokeAsync(nameof(IRolePlayHub.StepIn));

    /// <inheritdoc />
    public Task BringInAsync(string groupId, string role) => _hub.InvokeAsync(nameof(IRolePlayHub.BringIn), groupId, role);

    /// <inheritdoc />
    public Task MoveSeatAsync(string seatId, string groupId, string role) => _hub.InvokeAsync(nameof(IRolePlayHub.MoveSeat), seatId, groupId, role);

    /// <inheritdoc />
    public Task OverrideVerdictAsync(string groupId, int seq, string principle, int verdict, string note) =>
        _hub.InvokeAsync(nameof(IRolePlayHub.OverrideVerdict), groupId, seq, principle, verdict, note);

    /// <inheritdoc />
    public Task AddCommentAsync(string groupId, int? seq, string text) => _hub.InvokeAsync(nameof(IRolePlayHub.AddComment), groupId, seq, text);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var handler in _handlers)
        {
            handler.Dispose();
        }

        await _hub.DisposeAsync().ConfigureAwait(false);
    }

    private static Task Raise<T>(Func<T, Task>? handler, T message) => handler?.Invoke(message) ?? Task.CompletedTask;

    private Task SetLink(LinkState state)
    {
        Link = state;
        return Raise(LinkChanged, state);
    }
}

/// <summary>Makes real hub connections to one server, each asking for the UI language current when it is made.</summary>
public sealed class HubRolePlayConnectionFactory(Uri hubUrl, Func<string>? locale = null) : IRolePlayConnectionFactory
{
    /// <inheritdoc />
    public IRolePlayConnection Create() => new HubRolePlayConnection(locale is null ? hubUrl : WithLanguage(hubUrl, locale()));

    /// <summary>
    /// The hub URL with <c>lang=<paramref name="locale"/></c> added: the browser's WebSocket cannot send
    /// Accept-Language, so the server reads the language of the connection's refusals from the URL.
    /// </summary>
    public static Uri WithLanguage(Uri hubUrl, string locale)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        var builder = new UriBuilder(hubUrl);
        var lang = "lang=" + Uri.EscapeDataString(locale);
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? lang : builder.Query.TrimStart('?') + "&" + lang;
        return builder.Uri;
    }
}
