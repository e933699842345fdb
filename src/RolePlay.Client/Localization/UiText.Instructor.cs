namespace RolePlay.Client.Localization;

/// <summary>The instructor console's strings (login, library, launch, lobby, dashboard, controls); all start with <c>Inst</c>.</summary>
public sealed partial class UiText
{
    // Login and library
    public string InstTitle => L("Instructor", "讲师控制台");
    public string InstLoginTitle => L("Instructor login", "讲师登录");
    public string InstLoginHelp => L(
        "Enter the instructor key. The server prints it when it starts and keeps it in the file instructor.key in its data folder.",
        "请输入讲师密钥。服务器启动时会在日志中打印密钥，并保存在数据文件夹的 instructor.key 文件里。");
    public string InstKey => L("Instructor key", "讲师密钥");
    public string InstKeyRequired => L("Enter the instructor key.", "请输入讲师密钥。");
    public string InstWrongKey => L(
        "That key is not right. Check it against the server's start-up log or instructor.key and try again.",
        "密钥不正确。请对照服务器启动日志或 instructor.key 文件后重试。");
    public string InstLogIn => L("Log in", "登录");
    public string InstLogOut => L("Log out", "退出登录");
    public string InstServerUnreachable => L(
        "The server could not be reached; check your connection and try again.",
        "无法连接服务器，请检查网络后重试。");
    public string InstScenarioLibrary => L("Scenario library", "情景库");
    public string InstFilterByLanguage => L("Scenario language", "情景语言");
    public string InstAllLanguages => L("All languages", "全部语言");
    public string InstScenarioLanguage => L("Language of the scenario", "情景所用语言");
    public string InstNoScenarios => L("No scenarios in this language yet.", "暂无该语言的情景。");
    public string InstScenarioCount(int n) => L(n == 1 ? "1 scenario" : $"{n} scenarios", $"共 {n} 个情景");
    public string InstRolesInScenario => L("Roles", "角色");
    public string InstShowStageGraph => L("Show stage graph", "查看阶段流程图");
    public string InstHideStageGraph => L("Hide stage graph", "收起阶段流程图");
    public string InstStageGraphLabel => L("Stage graph: the stages of the scene and how it moves between them", "阶段流程图：情景的各个阶段及其转换");
    public string InstGraphAsText => L("Graph as text (Mermaid)", "流程图文字版（Mermaid）");
    public string InstGraphNotDrawn => L("The diagram could not be drawn; the text version is below.", "流程图未能绘制，下方为文字版。");

    // Launch
    public string InstLaunchFormLabel => L("Launch for a class", "为班级开场");
    public string InstNumberOfGroups => L("Number of groups", "小组数");
    public string InstGroupsRange(int min, int max) => L($"From {min} to {max} groups.", $"可设 {min}–{max} 个小组。");
    public string InstBotsPlayEmptyRoles => L("Bots play empty roles", "空缺角色由机器人扮演");
    public string InstLiveFeedbackToStudents => L("Live feedback to students", "向学员实时反馈评分");
    public string InstLaunch => L("Launch", "开场");
    public string InstLaunching => L("Launching…", "正在开场…");

    // Upload
    public string InstUploadTitle => L("Add a scenario", "上传情景");
    public string InstUploadHelp => L(
        "A scenario YAML file (.yaml or .yml, up to 1 MB). It is checked first; a broken file changes nothing and lists every error with its line and column.",
        "上传情景 YAML 文件（.yaml 或 .yml，不超过 1 MB）。文件会先经过校验；有错误时情景库不变，并逐条列出错误所在的行和列。");
    public string InstScenarioFile => L("Scenario file", "情景文件");
    public string InstUploading => L("Uploading and checking…", "正在上传并校验…");
    public string InstUploadDone(string title) => L($"Added “{title}” to the library.", $"已将「{title}」加入情景库。");
    public string InstUploadWrongType => L("Choose a .yaml or .yml file.", "请选择 .yaml 或 .yml 文件。");
    public string InstUploadTooLarge => L("The file is larger than 1 MB.", "文件超过 1 MB。");
    public string InstUploadUnreadable => L("The file could not be read; choose it again.", "无法读取该文件，请重新选择。");

    // Session page
    public string InstSessionTitle => L("Session", "演练场次");
    public string InstBackToLibrary => L("Back to the scenario library", "返回情景库");
    public string InstReconnecting => L(
        "Connection lost — reconnecting. The groups are shown as they were.",
        "连接中断，正在重新连接。各组画面暂停在断线时的状态。");
    public string InstViewChoice => L("View", "视图");
    public string InstLobbyView => L("Lobby (projector)", "候场（投影）");
    public string InstDashboardView => L("Dashboard", "实时看板");
    public string InstSessionControls => L("Session controls", "场次控制");
    public string InstSessionStateLabel => L("Session:", "场次状态：");

    /// <summary>A session state in words.</summary>
    public string InstSessionStateName(SessionState state) => state switch
    {
        SessionState.Lobby => L("In the lobby — students are joining; play has not started", "候场中：学员正在加入，尚未开始"),
        SessionState.Running => L("Running", "进行中"),
        SessionState.Paused => L("Paused", "已暂停"),
        _ => L("Ended", "已结束"),
    };

    public string InstStartSession => L("Start", "开始");
    public string InstPauseSession => L("Pause", "暂停");
    public string InstResumeSession => L("Resume", "继续");
    public string InstEndSession => L("End…", "结束…");
    public string InstEndSessionQuestion => L(
        "End the session for every group now? Groups that have not finished get the scenario's unfinished outcome. This cannot be undone.",
        "现在结束所有小组的演练吗？尚未完成的小组将按情景的“未完成”结局收场，此操作无法撤销。");
    public string InstEndSessionConfirm => L("Yes, end the session", "确定结束");
    public string InstBotsForEmptySeats => L("Bots for empty seats", "机器人补位");
    public string InstLiveFeedback => L("Live feedback", "实时反馈");

    /// <summary>A switch's label with its setting, e.g. "Live feedback: on".</summary>
    public string InstSwitch(string label, bool on) => L($"{label}: {(on ? "on" : "off")}", $"{label}：{(on ? "开" : "关")}");

    // Lobby
    public string InstJoinAt => L("Join on your phone with this code", "用手机输入加入码进入");
    public string InstJoinCode => L("Join code", "加入码");
    public string InstCopyLink => L("Copy link", "复制链接");
    public string InstLinkCopied => L("Link copied.", "链接已复制。");
    public string InstLinkNotCopied => L("Could not copy; select the link and copy it by hand.", "复制失败，请手动选中链接复制。");
    public string InstQrAlt => L("QR code for the join link", "加入链接的二维码");
    public string InstRosterTitle => L("Who sits where", "分组与角色");
    public string InstPlayedByBot => L("played by a bot", "由机器人扮演");
    public string InstEmptySeat => L("empty", "空缺");
    public string InstObservers => L("Observers", "观察员");
    public string InstNoObservers => L("No observers.", "暂无观察员。");
    public string InstMove => L("Move", "调换");
    public string InstMovePerson(string name) => L($"Move {name}", $"调换 {name}");
    public string InstMoveToGroup => L("To group", "调到小组");
    public string InstMoveToRole => L("As role", "担任角色");
    public string InstMoveHere => L("Move", "确定调换");

    // Dashboard
    public string InstGroupStateLabel => L("State", "状态");
    public string InstCustomersMove => L("Customer's move", "轮到顾客");
    public string InstStaffsMove => L("Staff's move", "轮到员工");
    public string InstLatestTurns => L("Latest turns", "最近发言");
    public string InstNoTurnsYet => L("No turns yet.", "尚无发言。");
    public string InstEventTurn => L("Event", "突发事件");
    public string InstRunningTotals => L("Principle scores so far", "五项原则累计得分");
    public string InstNoPrincipleEngaged => L("No principle engaged", "未涉及任何原则");
    public string InstNoPrincipleEngagedShort => L("none", "无");
    public string InstOpenReview => L("Review", "复盘");
    public string InstInjectEvent => L("Inject an event", "插入突发事件");
    public string InstBringIn(string role) => L($"Bring in {role}", $"让{role}出场");
    public string InstWaitingRoles => L("Not in the scene yet", "尚未出场");
    public string InstInject => L("Inject", "插入");
    public string InstEventInjected => L("Event sent.", "事件已插入。");
}
