using RolePlay.Core.Localization;

namespace RolePlay.Server.Localization;

/// <summary>
/// The server's refusals, English and Chinese side by side so a translator reads both at once (the engine's own are
/// in <see cref="Core.Engine.PlayText"/>). Each says what to do. Ids a program sends (role ids, principle ids) stay
/// as they are in both languages; names from the scenario (group and role names) are in the scenario's language.
/// One partial file per area: joining and playing here, then feedback and the HTTP API.
/// </summary>
public static partial class ServerText
{
    // Joining and seats

    /// <summary>A join without a usable name.</summary>
    public static LocalizedText NameRequired { get; } = new(
        "Type your name (1 to 40 characters, at least one of them visible) to join.",
        "请先填写你的名字（1 到 40 个字，不能只有空格或看不见的字符）再加入。");

    /// <summary>A join code no open session has.</summary>
    public static LocalizedText UnknownJoinCode { get; } = new(
        "No session has that join code; check the code on the projector.",
        "没有找到这个加入码对应的演练，请核对投影上的加入码。");

    /// <summary>A join code of an ended session.</summary>
    public static LocalizedText SessionEndedAskForCode { get; } = new(
        "That session has ended; ask your instructor for the new code.",
        "这场演练已经结束，请向讲师要新的加入码。");

    /// <summary>A role the scenario does not have; <paramref name="roles"/> are the ids it does.</summary>
    public static LocalizedText NoSuchRoleHere(string role, IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return new(
            $"There is no role '{role}' here; choose one of: {string.Join(", ", list)}, or observer.",
            $"这里没有“{role}”这个角色，请从 {string.Join("、", list)} 中选择，或者以观察员（observer）身份加入。");
    }

    /// <summary>A group id from another session.</summary>
    public static LocalizedText GroupNotInSession { get; } = new(
        "That group is not part of this session.",
        "这个小组不属于本场演练，请刷新页面后重新选择小组。");

    /// <summary>A seat someone already holds; English names the role by id, Chinese by its name.</summary>
    public static LocalizedText SeatTaken(string role, string roleName, string group) => new(
        $"The {role} seat in {group} is taken; choose another role or group.",
        $"{group}的“{roleName}”已经有人了，请换一个角色或小组。");

    /// <summary>No group has the role free.</summary>
    public static LocalizedText EverySeatTaken(string role, string roleName) => new(
        $"Every {role} seat is taken; choose another role, or join as an observer.",
        $"每个小组的“{roleName}”都已经有人了，请换一个角色，或以观察员身份加入。");

    /// <summary>A session that has as many observers as it admits.</summary>
    public static LocalizedText ObserversFull(int max) => new(
        $"This session already has {max} observers, the most it admits; ask your instructor for a role seat.",
        $"本场演练的观察员已满（最多 {max} 人），请向讲师申请一个角色座位。");

    /// <summary>A session receiving more joins per minute than it admits.</summary>
    public static LocalizedText JoinsBusy { get; } = new(
        "Too many people are joining this session right now: wait a minute and try again.",
        "现在加入本场演练的人太多了，请等一分钟后再试。");

    /// <summary>A second seat on one connection.</summary>
    public static LocalizedText ConnectionHasSeat { get; } = new(
        "This connection already holds a seat; open a new connection for another seat.",
        "你在这个页面上已经有座位了；要再占一个座位，请另开一个浏览器标签页加入。");

    /// <summary>A token the server does not know (<c>RefusalCode.SeatUnknown</c>: the client forgets the token).</summary>
    public static LocalizedText SeatUnknown { get; } = new(
        "That seat is unknown; join again with the code on the projector.",
        "这个座位已失效，请用投影上的加入码重新加入。");

    /// <summary>A rejoin that raced a move three times.</summary>
    public static LocalizedText SeatBeingMoved { get; } = new(
        "Your seat is being moved; try again in a moment.",
        "讲师正在为你调换座位，请稍等片刻再试。");

    /// <summary>A seat-only call before joining.</summary>
    public static LocalizedText NoSeatYet { get; } = new(
        "Join a session first: you have no seat yet.",
        "你还没有座位，请先用加入码加入演练。");

    /// <summary>An observer trying to speak.</summary>
    public static LocalizedText ObserversCannotSpeak { get; } = new(
        "Observers watch and rate; they cannot speak in the scene.",
        "观察员只负责旁观和打分，不能在情景中发言。");

    /// <summary>Sending faster than the hub's rate limit.</summary>
    public static LocalizedText TooFast { get; } = new(
        "You are sending too fast: wait a moment and try again.",
        "你发送得太快了，请稍等片刻再试。");

    /// <summary>How the Chinese text names a role: its name in the scenario, or 观察员 for an observer.</summary>
    public static string RoleName(Core.Scenarios.Scenario scenario, string role)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return role == Contracts.RoleIds.Observer ? "观察员" : scenario.FindRole(role)?.Name ?? role;
    }

    // Playing

    /// <summary>A turn before the instructor starts.</summary>
    public static LocalizedText NotStarted { get; } = new(
        "The scene has not started yet: wait for the instructor to start it.",
        "情景还没有开始，请等待讲师开始。");

    /// <summary>A turn while paused.</summary>
    public static LocalizedText Paused { get; } = new(
        "The instructor has paused the scene: wait until it resumes.",
        "讲师暂停了情景，请等恢复后再继续。");

    /// <summary>A turn after the session ended.</summary>
    public static LocalizedText SessionEnded { get; } = new(
        "This session has ended.",
        "本场演练已经结束，不能再发言了。");

    /// <summary>A write the database refused (a full disk, say): nothing was saved or acknowledged.</summary>
    /// <summary>The cluster's message service (Redis) cannot be reached: a turn now would be stored but heard by nobody.</summary>
    public static LocalizedText MessagesDown { get; } = new(
        "The class's message service is not reachable, so your line was not sent and nothing was changed: try again in a moment.",
        "课堂的消息服务暂时连不上，所以你的话没有发出，什么都没有改变；请稍后再试。");

    /// <summary>The group's server stopped and another is taking the group over.</summary>
    public static LocalizedText GroupMoving { get; } = new(
        "The server running your group stopped; another is taking it over, with every line so far. Try again in a few seconds.",
        "运行你这一组的服务器停了，另一台正在接手，之前的每句话都在。请几秒钟后再试。");

    public static LocalizedText CouldNotSave { get; } = new(
        "The server could not save that, so nothing was changed: try again in a moment. If it keeps happening, tell your instructor.",
        "服务器没能保存，所以什么都没有改变；请稍后再试。如果一直这样，请告诉讲师。");

    // The instructor's controls

    /// <summary>An instructor-only call without the key.</summary>
    public static LocalizedText InstructorOnly { get; } = new(
        "Only the instructor can do that: connect with the instructor key.",
        "只有讲师可以这样做，请先用讲师密钥登录。");

    /// <summary>An unknown session id.</summary>
    public static LocalizedText NoSession(string id) => new(
        $"There is no session '{id}'.",
        $"没有编号为“{id}”的演练，请从演练列表重新打开。");

    /// <summary>An unknown group id.</summary>
    public static LocalizedText NoGroup(string id) => new(
        $"There is no group '{id}'.",
        $"没有编号为“{id}”的小组，请从演练列表重新打开。");

    /// <summary>An unknown group id as a move's target.</summary>
    public static LocalizedText NoGroupToMoveTo(string id) => new(
        $"There is no group '{id}'; pick a group from the lobby.",
        $"没有编号为“{id}”的小组，请从大厅里选择小组。");

    /// <summary>A seat that was moved or removed meanwhile.</summary>
    public static LocalizedText SeatGone { get; } = new(
        "No one sits in that seat any more; refresh the roster and try again.",
        "这个座位上已经没有人了，请刷新名单后再试。");

    /// <summary>A move across sessions.</summary>
    public static LocalizedText GroupOfAnotherSession { get; } = new(
        "That group belongs to another session; move people only between groups of their own session.",
        "那个小组属于另一场演练，只能在同一场演练的小组之间调换座位。");

    /// <summary>A move after the end.</summary>
    public static LocalizedText MoveAfterEnd { get; } = new(
        "This session has ended; seats can no longer be moved.",
        "本场演练已经结束，不能再调换座位了。");

    /// <summary>A move to where the person already sits.</summary>
    public static LocalizedText AlreadySits(string name, string group, string role, string roleName) => new(
        $"{name} already sits in {group} as {role}; choose another group or role.",
        $"{name}已经是{group}的“{roleName}”了，请选择别的小组或角色。");

    /// <summary>A move onto a seat someone holds.</summary>
    public static LocalizedText SeatTakenBy(string role, string roleName, string group, string name) => new(
        $"The {role} seat in {group} is taken by {name}; move them first or choose another seat.",
        $"{group}的“{roleName}”已由{name}担任，请先把对方调走，或选择别的座位。");

    /// <summary>Starting a session that has ended.</summary>
    public static LocalizedText CannotRestart { get; } = new(
        "This session has ended and cannot be started again.",
        "这场演练已经结束，不能再次开始；如需再练，请重新开一场。");

    /// <summary>Pausing or resuming a session that has ended.</summary>
    public static LocalizedText EndedCannotPause { get; } = new(
        "This session has ended: it can no longer be paused or resumed. Launch a new session to play again.",
        "这场演练已经结束，不能再暂停或继续；如需再练，请重新开一场。");

    /// <summary>Pausing a session still in the lobby.</summary>
    public static LocalizedText PauseBeforeStart { get; } = new(
        "The session has not started yet: start it first; there is nothing to pause.",
        "演练还没有开始，没有可暂停的内容；请先开始演练。");

    /// <summary>A scenario id the library does not have.</summary>
    public static LocalizedText NoScenario(string id) => new(
        $"There is no scenario '{id}'; GET /api/scenarios lists them.",
        $"情景库里没有“{id}”这个情景，请从情景库中选择（GET /api/scenarios 可列出全部）。");

    /// <summary>A group count out of range.</summary>
    public static LocalizedText GroupCount { get; } = new(
        "groups must be between 1 and 200.",
        "小组数量必须在 1 到 200 之间。");

    /// <summary>An override of a turn that has no verdicts.</summary>
    public static LocalizedText NotAScoredTurn(int seq) => new(
        $"Turn {seq} is not a scored staff turn of this group.",
        $"第 {seq} 轮不是这个小组中已评分的员工发言，请选择员工说的话来改判。");

    /// <summary>An override with a bad principle or verdict.</summary>
    public static LocalizedText BadOverride { get; } = new(
        "An override needs a principle id and a verdict of -1, 0 or 1.",
        "改判需要指定一项原则，评分只能是 -1、0 或 1。");
}
