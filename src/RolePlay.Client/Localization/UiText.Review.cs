namespace RolePlay.Client.Localization;

/// <summary>The review pages' strings (past sessions, one group's scored transcript).</summary>
public sealed partial class UiText
{
    public string ReviewTitle => L("Review", "复盘");
    public string ReviewSessionsLead => L("Past and current sessions, newest first. Open a group to see its scored transcript.", "往期和进行中的演练，最新的在前。打开一个小组，查看它的评分记录。");
    public string ReviewNeedsLogin => L("The review is for the instructor only.", "复盘页面仅供讲师使用。");
    public string ReviewLoginLink => L("Log in as the instructor", "以讲师身份登录");
    public string ReviewNoSessions => L("No sessions yet. Launch a scenario from the instructor page.", "还没有演练记录。请先在讲师页面开场。");
    public string ReviewCreated => L("Created", "创建时间");
    public string ReviewJoinCode => L("Join code", "加入码");
    public string ReviewGroups => L("Groups", "小组");
    public string ReviewNoGroups => L("No groups", "没有小组");
    public string ReviewOpenLive => L("Open the live session", "打开实时演练");
    public string ReviewLoadFailed => L("The review could not be loaded:", "无法加载复盘：");
    public string ReviewRetry => L("Try again", "重试");
    public string ReviewServerUnreachable => L("The server could not be reached; check your connection and try again.", "连不上服务器，请检查网络后重试。");
    public string ReviewStateLabel => L("Status", "状态");
    public string ReviewBackToSessions => L("All sessions", "全部演练");

    /// <summary>A session state in words.</summary>
    public string ReviewState(SessionState state) => state switch
    {
        SessionState.Lobby => L("waiting in the lobby", "等候开始"),
        SessionState.Running => L("in play", "进行中"),
        SessionState.Paused => L("paused", "已暂停"),
        _ => L("ended", "已结束"),
    };

    public string ReviewFinalMood => L("Final customer mood", "顾客最终情绪");
    public string ReviewStagePath => L("Stage path", "阶段路径");

    public string ReviewExports => L("Export", "导出");
    public string ReviewExportMarkdown => L("Markdown", "Markdown");
    public string ReviewExportCsv => L("CSV", "CSV");
    public string ReviewExportJson => L("JSON", "JSON");
    public string ReviewPrint => L("Print", "打印");
    public string ReviewDownload => L("Download the transcript as", "下载对话记录：");

    public string ReviewTranscript => L("Transcript", "对话记录");
    public string ReviewNoTurns => L("Nobody has spoken in this group.", "这个小组还没有人发言。");
    public string ReviewReplyAfter => L("replied after", "回复用时");
    public string ReviewSecondsUnit => L("s", "秒");
    public string ReviewAction => L("action", "动作");
    public string ReviewEvent => L("Event", "事件");
    public string ReviewClock => L("Time passed; the scene moved on.", "时间流逝，情景推进。");
    public string ReviewInstructorRole => L("Instructor", "讲师");
    public string ReviewClockRole => L("Clock", "计时");
    public string ReviewVerdicts => L("Verdicts", "评分");
    public string ReviewFeedback => L("Feedback", "反馈");
    public string ReviewEvidence => L("Evidence", "依据");
    public string ReviewNoEvidence => L("No words counted for or against this principle.", "这句话没有涉及这项原则。");
    public string ReviewNegated => L("negated", "被否定");
    public string ReviewForPrinciple => L("counts for", "加分：");
    public string ReviewAgainstPrinciple => L("counts against", "减分：");
    public string ReviewOverridden => L("overridden", "已改判");
    public string ReviewEngineSaid => L("engine", "系统评分");
    public string ReviewObservers => L("observers", "观察员");
    public string ReviewObserversLabel => L("Observers", "观察员");
    public string ReviewDiffers => L("differs", "有分歧");
    public string ReviewDiffersLong => L("People and the engine disagree here", "观察员与系统评分不一致");
    public string ReviewHighlightLegend => L("Highlighted words: green underline counted for a principle, red wavy underline against.", "高亮词语：绿色下划线为加分依据，红色波浪线为减分依据。");

    public string ReviewInstructorTools => L("Override or comment", "改判或点评");
    public string ReviewPrinciple => L("Principle", "原则");
    public string ReviewNewVerdict => L("New verdict", "改判为");
    public string ReviewNote => L("Note (why)", "说明(理由)");
    public string ReviewSaveOverride => L("Save override", "保存改判");
    public string ReviewComment => L("Comment", "点评");
    public string ReviewCommentOnTurn => L("Comment on this turn", "点评这一轮");
    public string ReviewSaveComment => L("Save comment", "保存点评");
    public string ReviewSaving => L("Saving…", "保存中…");
    public string ReviewSavedReloaded => L("Saved.", "已保存。");
    public string ReviewEmptyComment => L("Write a comment first.", "请先填写点评内容。");
    public string ReviewInstructorComment => L("Instructor's comment", "讲师点评");

    public string ReviewTotals => L("Principle totals", "原则得分");
    public string ReviewTotalsGroup => L("Whole group", "全组");
    public string ReviewTotalsCaption => L("Sum of the engine's verdicts (+1 upheld, −1 violated) over the staff turns", "员工各轮系统评分之和(做到 +1，违反 −1)");
    public string ReviewTotal => L("Total", "合计");
    public string ReviewNoScoredTurns => L("No staff turns were scored.", "没有已评分的员工发言。");

    public string ReviewPeopleVsEngine => L("People's ratings beside the engine's", "观察员评分与系统评分对照");
    public string ReviewAgreement => L("Agree with engine", "与系统一致");

    public string ReviewAgreementHint => L("Share of observers' ratings that gave the engine's verdict (number of ratings)", "观察员评分中与系统判定相同的比例（评分条数）");

    public string ReviewKappaHint => L("Cohen's κ between observers and engine: agreement beyond chance (shown from 10 ratings)", "观察员与系统之间的 Cohen κ：扣除偶然一致后的一致程度（10 条评分起显示）");

    public string ReviewSessionAgreementShow => L("How observers agreed with the engine", "观察员与系统的一致程度");

    public string ReviewSessionAgreementNone => L("No observer rated a turn in this session.", "这一场还没有观察员评分。");

    public string ReviewRatingsCount => L("Ratings", "评分条数");

    public string ReviewNoRatings => L("No observer rated this group's turns.", "没有观察员为这个小组评分。");
    public string ReviewEngineAll => L("Engine: all turns", "系统：全部发言");
    public string ReviewEngineRated => L("Engine: rated turns", "系统：被评发言");
    public string ReviewObserverTotal => L("People", "观察员");
    public string ReviewTurnsDiffer => L("Turns that differ", "有分歧的轮次");

    public string ReviewSatisfaction => L("Customer's satisfaction", "顾客满意度");
    public string ReviewNoSatisfaction => L("The customer's player has not rated satisfaction.", "扮演顾客的同学还没有评价满意度。");
    public string ReviewRatedBy => L("Rated by", "评价人");


    public string ReviewReflection => L("Reflection", "反思");
    public string ReviewNoReflections => L("Nobody has answered the reflection questions yet.", "还没有人回答反思问题。");
    public string ReviewNoAnswer => L("(no answer)", "(未作答)");
    public string ReviewDebrief => L("Debrief", "讲评要点");
    public string ReviewComments => L("Instructor's comments", "讲师点评");
    public string ReviewNoComments => L("No comments on the group yet.", "还没有对全组的点评。");
    public string ReviewGroupComment => L("Comment on the whole group", "点评全组");
}
