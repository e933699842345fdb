using RolePlay.Core.Localization;
using RolePlay.Core.Transcripts;

namespace RolePlay.Contracts;

/// <summary>POST /api/sessions/{id}/bots body.</summary>
public sealed record BotsRequest(bool Enabled);

/// <summary>POST /api/login body.</summary>
public sealed record LoginRequest(string? Key);

/// <summary>A role as the library and the join page list it.</summary>
public sealed record RoleSummary(string Id, string Name, bool IsCustomer);

/// <summary>A scenario in the library list; <c>Roles</c> are ids (the contract), <c>RoleDetails</c> add names.</summary>
public sealed record ScenarioSummary(string Id, string Title, string Locale, IReadOnlyList<string> Roles, string Summary, IReadOnlyList<RoleSummary> RoleDetails);

/// <summary>POST /api/sessions body.</summary>
public sealed record CreateSessionRequest(string? ScenarioId, int? Groups, bool? Bots, bool? LiveFeedback);

/// <summary>POST /api/sessions answer.</summary>
public sealed record CreateSessionResponse(string SessionId, string JoinCode, string JoinUrl, IReadOnlyList<GroupSummary> Groups);

/// <summary>A group's id and name.</summary>
public sealed record GroupSummary(string GroupId, string Name);

/// <summary>A session in the list of past and current sessions (GET /api/sessions, GET /api/sessions/{id}); <c>JoinUrl</c> is the link students open.</summary>
public sealed record SessionSummary(string SessionId, string ScenarioId, string ScenarioTitle, string JoinCode, SessionState State, DateTime CreatedUtc, IReadOnlyList<GroupSummary> Groups, string? JoinUrl = null);

/// <summary>GET /api/join/{code}: what a student sees before taking a seat.</summary>
public sealed record JoinInfo(string JoinCode, string ScenarioTitle, string Locale, SessionState State, IReadOnlyList<RoleSummary> Roles, IReadOnlyList<JoinGroup> Groups);

/// <summary>A group on the join page: who already sits where, and which roles bots play.</summary>
public sealed record JoinGroup(string GroupId, string Name, IReadOnlyList<SeatInfo> Seats, IReadOnlyList<string> BotRoles);

/// <summary>An instructor's override as the transcript shows it.</summary>
public sealed record OverrideView(int Seq, string Principle, int Verdict, string Note, DateTime CreatedUtc);

/// <summary>An instructor's comment on a group, or on one turn when <c>Seq</c> is set.</summary>
public sealed record CommentView(long Id, int? Seq, string Text, DateTime CreatedUtc);

/// <summary>An observer's rating of one staff turn against the five principles.</summary>
public sealed record TurnRatingView(int Seq, string Rater, IReadOnlyDictionary<string, int> Verdicts);

/// <summary>The customer player's satisfaction rating.</summary>
public sealed record SatisfactionView(string Rater, IReadOnlyDictionary<string, int> Items, string? Comment);

/// <summary>A player's answers to the scenario's reflection questions.</summary>
public sealed record ReflectionView(string Role, string Name, IReadOnlyList<string> Answers);

/// <summary>GET /api/groups/{groupId}/review: everything the review page shows for one group; <c>Principles</c> name the principles its verdicts and totals are on.</summary>
public sealed record GroupReview(
    string SessionId,
    string GroupId,
    string GroupName,
    string Locale,
    IReadOnlyList<RoleSummary> Roles,
    IReadOnlyList<string> Questions,
    string Debrief,
    TranscriptDocument Transcript,
    IReadOnlyList<OverrideView> Overrides,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<TurnRatingView> Ratings,
    IReadOnlyList<SatisfactionView> Satisfaction,
    IReadOnlyList<ReflectionView> Reflections,
    IReadOnlyList<PrincipleInfo>? Principles = null);

/// <summary>GET /api/sessions/{id}/agreement: how often observers' ratings gave the engine's verdict on one principle, over every group of a session.</summary>
/// <param name="Agreement">The share of ratings that agreed; null without ratings.</param>
/// <param name="Kappa">Cohen's κ between observers and engine; null below ten ratings, where it means little.</param>
/// <param name="Name">The principle's name in the server's rubric.</param>
/// <param name="ShortName">Its short label.</param>
public sealed record PrincipleAgreementView(string Principle, int Ratings, double? Agreement, double? Kappa, LocalizedText? Name = null, LocalizedText? ShortName = null);

/// <summary>
/// GET /api/metrics: memory in MB, live hub connections and groups in memory; GC pause time (ms) and collections since
/// start, so a load run can tell GC pauses from other latency; refused hub calls since start, in all, by hub method
/// and by <see cref="RefusalCode"/>.
/// </summary>
public sealed record ServerMetrics(
    double WorkingSetMb, double ManagedHeapMb, int Connections, int Groups, double GcPauseMs, int Gen0Collections, int Gen2Collections,
    long RefusedHubCalls, IReadOnlyDictionary<string, long> RefusedHubCallsByMethod, IReadOnlyDictionary<RefusalCode, long> RefusedHubCallsByCode);
