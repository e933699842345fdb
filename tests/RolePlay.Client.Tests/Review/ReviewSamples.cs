using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Tests.Review;

/// <summary>Review data built from the contract records; the evidence is what the real scorer gave for these lines (bakery scenario, `roleplay score`).</summary>
public static class ReviewSamples
{
    public const string ClerkLine = "这两块蛋挞您夹坏了，您要么买回去，要么赔偿！";
    public const string ManagerLine = "不是您的错，请到休息区坐一下，我给您倒杯茶。非常抱歉！";
    public const string EnglishLine = "I'm not blaming you. I'm so sorry, please have a seat in the quiet area and tell me what you'd like.";

    public static readonly IReadOnlyList<string> P = ["customer-first", "prompt-sincere", "off-scene", "affirm", "resolve"];

    public static Dictionary<string, int> Verdicts(int cf = 0, int ps = 0, int off = 0, int affirm = 0, int resolve = 0) =>
        new() { ["customer-first"] = cf, ["prompt-sincere"] = ps, ["off-scene"] = off, ["affirm"] = affirm, ["resolve"] = resolve };

    public static Dictionary<string, IReadOnlyList<EvidenceItem>> Evidence(params (string Principle, EvidenceItem Item)[] items)
    {
        var map = P.ToDictionary(p => p, _ => (IReadOnlyList<EvidenceItem>)[]);
        foreach (var g in items.GroupBy(i => i.Principle))
        {
            map[g.Key] = [.. g.Select(i => i.Item)];
        }

        return map;
    }

    public static Dictionary<string, string> Feedback(string line) => P.ToDictionary(p => p, p => $"{line} ({p})");

    /// <summary>The clerk's ultimatum: three overlapping pieces of evidence against customer-first, and timing for prompt-sincere.</summary>
    public static TranscriptTurn ClerkTurn(int seq = 2) => new(
        seq, TurnKind.Say, "clerk", ClerkLine, null, null, "counter", "counter", 41250, 3100, false, 16,
        Verdicts(cf: -1),
        Evidence(
            ("customer-first", new EvidenceItem("您夹坏", 5, 3, "blame-customer", -1, false)),
            ("customer-first", new EvidenceItem("要么买回去，要么", 11, 8, "ultimatum", -1, false)),
            ("customer-first", new EvidenceItem("夹坏了，您要么买", 6, 8, "crush-ultimatum", -1, false)),
            ("prompt-sincere", new EvidenceItem("3.1 秒内回复", -1, 0, "timing", 1, false))),
        new Dictionary<string, string>(Feedback("店员")) { ["customer-first"] = "把责任推给顾客只会让她更想争个输赢；先承担，再解决。" });

    /// <summary>The manager's apology: "不是您的错" is a negated blame cue, so it counts FOR customer-first.</summary>
    public static TranscriptTurn ManagerTurn(int seq = 4) => new(
        seq, TurnKind.Say, "manager", ManagerLine, null, null, "counter", "rest-area", 80000, 2000, false, 45,
        Verdicts(cf: 1, ps: 1, off: 1),
        Evidence(
            ("customer-first", new EvidenceItem("是您的错", 1, 4, "blame-customer", 1, true)),
            ("prompt-sincere", new EvidenceItem("抱歉", 24, 2, "apology", 1, false)),
            ("off-scene", new EvidenceItem("到休息区坐一下", 7, 7, "invite-aside", 1, false)),
            ("off-scene", new EvidenceItem("倒杯茶", 18, 3, "offer-drink", 1, false)),
            ("affirm", new EvidenceItem("请", 6, 1, "politeness", 1, false))),
        Feedback("经理"));

    public static TranscriptTurn CustomerTurn(int seq, string text, long atMs = 5000) =>
        new(seq, TurnKind.Say, "customer", text, null, null, "counter", "counter", atMs, null, false, 30, null, null, null);

    public static TranscriptTurn EventTurn(int seq) =>
        new(seq, TurnKind.Event, "instructor", "围观的顾客越来越多，有人拿出手机。", null, "crowd", "counter", "counter", 60000, null, false, 20, null, null, null);

    public static TranscriptTurn ActionTurn(int seq) => new(
        seq, TurnKind.Act, "manager", "请到休息区", "invite-to-rest-area", null, "rest-area", "rest-area", 95000, 1500, true, 55,
        Verdicts(off: 1),
        Evidence(("off-scene", new EvidenceItem("请到休息区", -1, 0, "action:invite-to-rest-area", 1, false))),
        Feedback("动作"));

    public static readonly IReadOnlyList<RoleSummary> Roles =
    [
        new("customer", "顾客", true),
        new("clerk", "店员A", false),
        new("supervisor", "主管B", false),
        new("manager", "经理C", false),
    ];

    public static TranscriptDocument Transcript(IReadOnlyList<TranscriptTurn>? turns = null, bool success = false)
    {
        turns ??= [CustomerTurn(1, "我的蛋挞！你们的夹子太滑了。"), ClerkTurn(2), EventTurn(3), ManagerTurn(4), ActionTurn(5)];
        var totals = P.ToDictionary(p => p, p => turns.Where(t => t.Verdicts is not null).Sum(t => t.Verdicts![p]));
        var byRole = turns.Where(t => t.Verdicts is not null).GroupBy(t => t.Role).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<string, int>)P.ToDictionary(p => p, p => g.Sum(t => t.Verdicts![p])));
        return new TranscriptDocument(
            "bakery-egg-tart-zh", "蛋挞风波",
            success ? new OutcomeSummary("resolved", true, "顾客满意离开") : new OutcomeSummary("head-office", false, "顾客投诉到总部"),
            ["counter", "rest-area", "head-office"], 35, turns, totals, byRole);
    }

    public static GroupReview Group(
        TranscriptDocument? transcript = null,
        IReadOnlyList<OverrideView>? overrides = null,
        IReadOnlyList<TurnRatingView>? ratings = null,
        IReadOnlyList<CommentView>? comments = null,
        string groupId = "g1",
        IReadOnlyList<PrincipleInfo>? principles = null) => new(
        "s1", groupId, "第1组", "zh-CN", Roles,
        ["哪一句话让顾客更生气？", "下次你会怎么说？"],
        "**要点**：先把顾客请到休息区。",
        transcript ?? Transcript(),
        overrides ?? [],
        comments ?? [],
        ratings ?? [],
        [new SatisfactionView("小赵", new Dictionary<string, int> { ["friendly"] = 2, ["timely"] = 3, ["human-touch"] = 4, ["resolved"] = 1, ["return"] = 5 }, "经理的茶很暖心")],
        [new ReflectionView("clerk", "小李", ["要么买要么赔", "先道歉再说"])],
        principles ?? Samples.Principles);
}
