using RolePlay.Core.Localization;

namespace RolePlay.Client.Localization;

/// <summary>
/// Every string the UI shows, in English and simplified Chinese side by side so a translator reads both at once.
/// One partial file per feature; scenario text is never here: it is shown in the scenario's own language. Neither are the
/// names of principles (the rubric's) and mood bands (the scenario's): they come with the data, in both languages.
/// </summary>
public sealed partial class UiText
{
    private UiText(string locale) => Locale = locale;

    /// <summary>The English UI.</summary>
    public static UiText English { get; } = new("en");

    /// <summary>The simplified Chinese UI.</summary>
    public static UiText Chinese { get; } = new("zh-CN");

    /// <summary>The BCP 47 tag of this language.</summary>
    public string Locale { get; }

    /// <summary>True for the Chinese UI.</summary>
    public bool IsChinese => Locale.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The UI text for a browser or saved language tag: Chinese for any <c>zh</c> tag, English otherwise.</summary>
    public static UiText For(string? languageTag) =>
        languageTag is not null && languageTag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    private string L(string en, string zh) => IsChinese ? zh : en;

    public string AppName => L("RolePlay", "RolePlay 情景演练");
    public string Tagline => L("Complaint-handling role play", "顾客投诉处理情景演练");
    public string LanguageLabel => L("Language", "语言");
    public string SwitchLanguage => L("中文", "English");
    public string SkipToContent => L("Skip to content", "跳到正文");
    public string MainNavigation => L("Main", "主菜单");
    public string NavJoin => L("Join", "加入");
    public string NavInstructor => L("Instructor", "讲师");
    public string NavReview => L("Review", "复盘");
    public string Loading => L("Loading…", "加载中…");
    public string HomeLead => L(
        "Practise handling complaints live: one scene, every role played by a classmate, every staff line scored against the five handling principles.",
        "现场演练投诉处理：同学分饰各个角色，每一句员工的话都按五项处理原则评分。");
    public string HomeStudentTitle => L("I'm a student", "我是学员");
    public string HomeStudentBody => L("Join with the code on the projector.", "用投影上的加入码进入情景。");
    public string HomeInstructorTitle => L("I'm the instructor", "我是讲师");
    public string HomeInstructorBody => L("Pick a scenario, launch it for your class, steer the groups.", "选择情景、为全班开场、掌控各组进度。");
    public string HomeReviewTitle => L("Review", "复盘");
    public string HomeReviewBody => L("Scored transcripts of past sessions, for the debrief.", "往期演练的评分记录，用于讲评。");
    public string NotFoundTitle => L("Page not found", "找不到这个页面");
    public string NotFoundBody => L("The address is wrong or the page has moved.", "地址有误，或页面已经移走。");
    public string BackHome => L("Back to the start page", "回到首页");
    public string Close => L("Close", "关闭");
    public string Cancel => L("Cancel", "取消");
    public string Save => L("Save", "保存");
    public string Saved => L("Saved", "已保存");
    public string Send => L("Send", "发送");
    public string Customer => L("Customer", "顾客");
    public string Staff => L("Staff", "员工");
    public string Observer => L("Observer", "观察员");
    public string Bot => L("bot", "机器人");
    public string Mood => L("Customer mood", "顾客情绪");
    public string Stage => L("Stage", "阶段");
    public string Group => L("Group", "小组");
    public string Role => L("Role", "角色");
    public string Name => L("Name", "姓名");
    public string Outcome => L("Outcome", "结局");
    public string Resolved => L("Resolved", "圆满解决");
    public string NotResolved => L("Not resolved", "未能解决");
    public string Connected => L("connected", "在线");
    public string Disconnected => L("offline", "离线");
    public string Reconnecting => L("Connection lost — reconnecting…", "连接中断，正在重新连接…");
    public string Reconnected => L("Reconnected: you are back in your seat.", "已重新连接，你仍在原来的座位上。");

    /// <summary>Text the data brings in both languages (a principle's or a mood band's name), in this language.</summary>
    public string In(LocalizedText text) => text.In(IsChinese);

    /// <summary>A verdict in words: upheld, not engaged or violated.</summary>
    public string Verdict(int verdict) => verdict switch
    {
        > 0 => L("upheld", "做到"),
        < 0 => L("violated", "违反"),
        _ => L("not engaged", "未涉及"),
    };
}
