using RolePlay.Core.Localization;

namespace RolePlay.Core.Engine;

/// <summary>
/// The engine's refusals, English and Chinese side by side so a translator reads both at once. Each says what to
/// do instead. Names that come from the scenario (roles, stages, outcomes) are shown in the scenario's own language.
/// </summary>
public static class PlayText
{
    /// <summary>A turn after the outcome.</summary>
    public static LocalizedText SceneEnded(string outcome) => new(
        $"The scene has ended ({outcome}); no more turns are taken.",
        $"情景已经结束（{outcome}），不能再发言或行动了。");

    /// <summary>A role the scenario does not have.</summary>
    public static LocalizedText NoSuchRole(string role) => new(
        $"There is no role '{role}' in this scenario.",
        $"这个情景里没有“{role}”这个角色。");

    /// <summary>A role that has not been brought into the current stage.</summary>
    public static LocalizedText NotInScene(string roleName, string stage) => new(
        $"{roleName} is not in the scene at this stage ({stage}); wait until they are brought in.",
        $"{roleName}在当前阶段（{stage}）还没有出场，请等剧情让你上场后再发言。");

    /// <summary>The customer has said the most lines in a row the floor allows.</summary>
    public static LocalizedText CustomerSaidEnough(int max) => new(
        $"The customer has said {max} lines in a row: let a member of staff answer first.",
        $"顾客已经连着说了 {max} 句，请先等员工回应。");

    /// <summary>Staff have said the most lines in a row the floor allows.</summary>
    public static LocalizedText StaffSaidEnough(int max) => new(
        $"Staff have said {max} lines in a row: let the customer answer first.",
        $"员工已经连着说了 {max} 句，请先等顾客回应。");

    /// <summary>Bringing in a role that is already in the scene.</summary>
    public static LocalizedText AlreadyInScene(string roleName) => new(
        $"{roleName} is already in the scene.",
        $"{roleName}已经在场了。");

    /// <summary>A player stepping in where the scenario does not allow it.</summary>
    public static LocalizedText CannotStepIn(string roleName) => new(
        $"{roleName} cannot step in unasked in this scenario: wait until a colleague calls you or the instructor brings you in.",
        $"这个情景里{roleName}不能自己上场，请等同事请你过来，或由老师安排你上场。");

    /// <summary>The narration of a join turn, in the scenario's language.</summary>
    public static string Joined(string roleName, string reason, bool chinese) => (reason, chinese) switch
    {
        (JoinReasons.StepIn, true) => $"{roleName}主动走了过来。",
        (JoinReasons.StepIn, false) => $"{roleName} steps in.",
        (_, true) => $"{roleName}来到了现场。",
        _ => $"{roleName} comes over.",
    };

    /// <summary>Staff moving when the customer is to reply.</summary>
    public static LocalizedText CustomersMove { get; } = new(
        "It is the customer's move: wait for the customer to reply.",
        "现在轮到顾客说话，请等顾客回复后再说。");

    /// <summary>The customer moving when staff are to reply.</summary>
    public static LocalizedText StaffsMove { get; } = new(
        "It is the staff's move: wait for a member of staff to reply.",
        "现在轮到员工回应，请等员工回复后再说。");

    /// <summary>A blank line.</summary>
    public static LocalizedText EmptyReply { get; } = new(
        "The reply is empty: type what your character says.",
        "还没有输入内容，请写下你的角色要说的话。");

    /// <summary>A line over <see cref="Play.MaxTextLength"/>.</summary>
    public static LocalizedText ReplyTooLong(int length, int max) => new(
        $"The reply is {length} characters long; keep it under {max}.",
        $"这段话有 {length} 个字，超出了 {max} 字的上限，请删短一些。");

    /// <summary>An action the role has none of at this stage; English names the role by id, Chinese by its name.</summary>
    public static LocalizedText NoActionsHere(string actionId, string role, string roleName) => new(
        $"'{actionId}' is not an action {role} can take now: there are none at this stage.",
        $"“{actionId}”不是{roleName}现在能做的动作：这个阶段没有可用的动作，请直接说话。");

    /// <summary>An action the role cannot take; <paramref name="available"/> lists those it can.</summary>
    public static LocalizedText NotAnAction(string actionId, string role, string roleName, IReadOnlyList<string> available) => new(
        $"'{actionId}' is not an action {role} can take now; available: {string.Join(", ", available)}.",
        $"“{actionId}”不是{roleName}现在能做的动作，可选的有：{string.Join("、", available)}。");

    /// <summary>An event injected after the outcome.</summary>
    public static LocalizedText EventAfterEnd(string outcome) => new(
        $"The scene has ended ({outcome}); events can no longer be injected.",
        $"情景已经结束（{outcome}），不能再插入突发事件了。");

    /// <summary>An event the scenario does not define; <paramref name="available"/> are the ids it does.</summary>
    public static LocalizedText NoSuchEvent(string eventId, IReadOnlyList<string> available) => available.Count == 0
        ? new(
            $"There is no event '{eventId}' in this scenario; available: (none).",
            $"这个情景里没有“{eventId}”这个事件，它没有定义任何突发事件。")
        : new(
            $"There is no event '{eventId}' in this scenario; available: {string.Join(", ", available)}.",
            $"这个情景里没有“{eventId}”这个事件，可选的有：{string.Join("、", available)}。");

    /// <summary>A scenario without bot lines for a role and mood: the author's to fix.</summary>
    public static LocalizedText NoBotLines(string role, string band) => new(
        $"The scenario has no bot lines for {role} in mood '{band}'.",
        $"情景里没有给{role}在“{band}”情绪下准备机器人台词，请情景作者补上。");

    /// <summary>A stored turn of a kind this engine does not know (a corrupt log).</summary>
    public static LocalizedText UnknownTurnKind(string kind) => new(
        $"unknown turn kind {kind}",
        $"未知的回合类型 {kind}");
}
