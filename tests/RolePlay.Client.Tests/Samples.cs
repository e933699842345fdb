using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;

namespace RolePlay.Client.Tests;

/// <summary>Small hub messages for component tests.</summary>
public static class Samples
{
    public static readonly IReadOnlyList<RoleInfo> Roles =
    [
        new("customer", "顾客", true, false, []),
        new("clerk", "店员A", false, false, [new ActionInfo("apologise", "道歉")]),
        new("supervisor", "主管B", false, true, []),
        new("manager", "经理C", false, false, [new ActionInfo("invite-to-rest-area", "请到休息区")]),
    ];

    /// <summary>The principles as a server with the shipped rubric names them.</summary>
    public static readonly IReadOnlyList<PrincipleInfo> Principles =
        [.. Rubric.Default.Principles.Select(p => new PrincipleInfo(p.Id, p.Name, p.ShortName))];

    /// <summary>A rubric that renames customer-first: what a server with its own principles.yaml sends.</summary>
    public static readonly IReadOnlyList<PrincipleInfo> RenamedPrinciples =
    [
        .. Principles.Select(p => p.Id == "customer-first"
            ? p with { Name = new LocalizedText("Guests are always right", "客人永远是对的"), ShortName = new LocalizedText("Guests first", "客人优先") }
            : p),
    ];

    /// <summary>The mood bands of the shipped scenarios.</summary>
    public static readonly IReadOnlyList<MoodBandInfo> Bands =
    [
        new("furious", new LocalizedText("furious", "暴怒")),
        new("upset", new LocalizedText("upset", "不满")),
        new("calm", new LocalizedText("calm", "平静")),
        new("pleased", new LocalizedText("pleased", "满意")),
    ];

    public static GroupSnapshot Snapshot(
        IReadOnlyList<TurnMessage>? turns = null, SessionState state = SessionState.Running, Side expecting = Side.Staff,
        RoleBriefing? briefing = null, EndedMessage? ended = null, bool liveFeedback = true, string locale = "zh-CN",
        IReadOnlyList<PrincipleInfo>? principles = null, IReadOnlyList<MoodBandInfo>? bands = null) =>
        new(
            "s1", "g1", "第1组", "bakery-egg-tart-zh", "蛋挞风波", locale, state, liveFeedback,
            new StageInfo("g1", "counter", "柜台", "顾客用夹子夹碎了两只葡式蛋挞。",
                new Dictionary<string, IReadOnlyList<ActionInfo>> { ["clerk"] = [new ActionInfo("apologise", "道歉")] }),
            new MoodInfo("g1", 40, "upset"),
            expecting,
            ["clerk", "supervisor", "manager"],
            Roles,
            turns ?? [],
            [new SeatInfo("seat-a", "customer", "小王", true), new SeatInfo("seat-b", "clerk", "小李", true)],
            ended,
            briefing,
            [new EventInfo("crowd", "围观的顾客越来越多")],
            "seat-b",
            principles ?? Principles,
            bands ?? Bands);

    public static TurnMessage Turn(int seq, string role, string text, int mood = 40, Dictionary<string, int>? verdicts = null) =>
        new("g1", seq, TurnKind.Say, role, text, null, null, "counter", seq * 1000L, 1500, false, mood, verdicts, null, null, Side.Customer);
}
