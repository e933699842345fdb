namespace RolePlay.Client.Localization;

/// <summary>The student's pages: joining, the seat, the scene, the observer's ratings and the end screen.</summary>
public sealed partial class UiText
{
    // Joining
    public string JoinTitle => L("Join a role play", "加入情景演练");
    public string JoinCode => L("Join code", "加入码");
    public string JoinCodeHint => L("The six characters on the projector; upper or lower case and spaces are fine.", "投影上的六位加入码，大小写和空格都没关系。");
    public string FindSession => L("Find the session", "查找演练");
    public string LookingUp => L("Looking up the code…", "正在查找加入码…");
    public string YourName => L("Your name", "你的名字");
    public string NameHint => L("1 to 40 characters; your group sees it.", "1 到 40 个字，组员会看到。");
    public string NameRequired => L("Type your name (1 to 40 characters).", "请填写名字(1 到 40 个字)。");
    public string ChooseSeat => L("Choose a group and a role", "选择小组和角色");
    public string SeatFree => L("free", "空缺");
    public string SeatBot => L("a bot plays it for now: you can take over", "暂由机器人扮演，你可以接手");
    public string SeatTakenBy(string name) => L($"taken by {name}", $"已由{name}担任");
    public string ObserverOption => L("Observer: watch and rate the staff", "观察员：旁观并给员工打分");
    public string JoinButton => L("Join", "加入");
    public string Joining => L("Joining…", "正在加入…");
    public string AnywhereFree => L("Put me anywhere free", "随便给我一个空位");
    public string AnywhereFreeHint => L("Fills the groups one after another.", "按小组顺序依次补空位。");
    public string PickSeatFirst => L("Pick a role in one of the groups, or tap “Put me anywhere free”.", "请在某个小组里选一个角色，或者点“随便给我一个空位”。");
    public string RefreshSeats => L("Refresh the seats", "刷新座位");
    public string SessionEndedNotice => L("This session has ended; ask your instructor for the new code.", "这场演练已经结束，请向讲师要新的加入码。");
    public string SessionInLobby => L("The instructor has not started yet: take your seat and wait.", "讲师还没有开始，可以先选好座位等候。");
    public string HaveSeat => L("This device already holds a seat.", "这台设备上已经有你的座位。");
    public string BackToSeat => L("Back to my seat", "回到我的座位");
    public string ServerUnreachable => L("The server could not be reached; check your connection and try again.", "连不上服务器，请检查网络后重试。");

    // The seat
    public string SeatTitle => L("My seat", "我的座位");
    public string Connecting => L("Connecting…", "正在连接…");
    public string YouPlay(string role) => L($"You play {role}", $"你扮演{role}");
    public string YouObserve => L("You are an observer", "你是观察员");
    public string YourBriefing => L("Your briefing", "角色说明");
    public string PrivateNotes => L("Private notes", "私密备注");
    public string PrivateNotesHint => L("Only you see these; the other players do not.", "只有你能看到，其他组员看不到。");
    public string YourMove => L("Your move", "轮到你了");
    public string NotInSceneYet => L("You are not in the scene yet", "你还没有出场");
    public string WhatBringsYouIn => L("You come in when:", "以下情况你就会出场：");
    public string StepIn => L("Step in", "上前加入");
    public string CameIn(string role) => L($"{role} comes into the scene.", $"{role}来到了现场。");
    public string WatchMeanwhile => L("Follow the conversation meanwhile: when you come in, you can speak at once.", "先看着对话进展，一出场就可以马上说话。");
    public string WaitingForCustomer => L("Waiting for the customer…", "等待顾客回应…");
    public string WaitingForStaff => L("Waiting for the staff…", "等待员工回应…");
    public string TranscriptTitle => L("The conversation", "对话记录");
    public string NoTurnsYet => L("Nobody has spoken yet.", "还没有人开口。");
    public string You => L("you", "你");
    public string ActionTaken => L("action", "动作");
    public string EventHappened => L("Something happens", "突发情况");
    public string NewStage => L("The scene moves on", "情景推进到新阶段");
    public string TimePasses => L("Time passes…", "时间一点点过去……");
    public string YourActions => L("What you can do", "你可以采取的行动");
    public string YourReply => L("What you say", "你要说的话");
    public string EnterSendsHint => L("Enter sends; Shift+Enter starts a new line.", "回车发送，Shift+回车换行。");
    public string CharCount(int count, int max) => L($"{count} / {max} characters", $"{count} / {max} 字");
    public string Sending => L("Sending…", "发送中…");
    public string LobbyNotice => L("The scene has not started yet: wait for the instructor to start it.", "情景还没开始，请等待讲师开始。");
    public string PausedNotice => L("The instructor has paused the scene: wait until it resumes.", "讲师暂停了情景，请等待继续。");
    public string SessionOverNotice => L("The session has ended.", "本场演练已经结束。");
    public string MovedTo(string group, string role) => L($"The instructor moved you to {group}, as {role}.", $"讲师把你调到了{group}，担任{role}。");
    public string JoinAgain => L("Join again", "重新加入");
    public string TryAgain => L("Try again", "重试");
    public string ConnectionClosed => L("The connection has closed. Reload the page to get back in.", "连接已关闭，请刷新页面重新进入。");

    // Verdicts
    public string VerdictsLabel => L("Scores for this turn", "这句话的评分");
    public string Evidence => L("Evidence", "依据");
    public string NoEvidence => L("No particular words: judged on timing or on the reply as a whole.", "没有具体字句，按时机或整句判断。");
    public string Negated => L("negated", "否定");

    // Observer
    public string RateThisTurn => L("Rate this turn", "给这句话打分");
    public string ObserverHint => L("Rate each staff turn against the five principles: − violated, 0 not engaged, + upheld.", "按五项原则给员工的每句话打分：− 违反，0 未涉及，+ 做到。");
    public string SaveRating => L("Save rating", "保存评分");

    // End screen
    public string SceneOver => L("The scene is over", "情景结束");
    public string Debrief => L("Debrief", "讲评");
    public string ReflectionTitle => L("Reflection", "反思");
    public string SaveAnswers => L("Save my answers", "保存我的回答");
    public string AnswersSaved => L("Your answers are saved.", "回答已保存。");
    public string SatisfactionTitle => L("As the customer: how was the service?", "作为顾客，你对这次服务满意吗？");
    public string SatisfactionScale => L("1 = very poor, 5 = excellent", "1 = 很差，5 = 非常好");
    public string SatisfactionComment => L("Comment (optional)", "意见(选填)");
    public string RateEveryItem => L("Rate every item from 1 to 5.", "请给每一项打 1 到 5 分。");
    public string SaveSatisfaction => L("Save my rating", "保存评分");
    public string SatisfactionSaved => L("Thank you: your rating is saved.", "谢谢，评分已保存。");
    public string WholeConversation => L("The whole conversation", "完整对话");

    /// <summary>The name of a satisfaction item (see <c>SatisfactionItems.Ids</c>), or the id.</summary>
    public string SatisfactionItem(string id) => id switch
    {
        "friendly" => L("Friendliness", "态度友善"),
        "timely" => L("Timeliness", "及时"),
        "human-touch" => L("Human touch", "有人情味"),
        "resolved" => L("Problem solved", "问题解决"),
        "return" => L("Would come back", "还愿意再来"),
        _ => id,
    };
}
