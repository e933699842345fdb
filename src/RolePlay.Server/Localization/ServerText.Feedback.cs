using RolePlay.Core.Localization;

namespace RolePlay.Server.Localization;

/// <summary>Refusals of people's judgements: comments, observers' ratings, satisfaction and reflections.</summary>
public static partial class ServerText
{
    /// <summary>A comment that is empty or too long.</summary>
    public static LocalizedText CommentLength(int max, int length) => new(
        $"A comment needs 1 to {max:N0} characters; this one has {length:N0}.",
        $"点评需要 1 到 {max:N0} 个字，这条有 {length:N0} 个字。");

    /// <summary>A comment on a turn the group does not have.</summary>
    public static LocalizedText NoTurnToComment(string group, int seq) => new(
        $"{group} has no turn {seq}; comment on a turn of its transcript, or on the whole group.",
        $"{group}没有第 {seq} 轮，请点评对话记录里已有的一轮，或点评全组。");

    /// <summary>A rating from a seat that plays a role.</summary>
    public static LocalizedText OnlyObserversRate(string role, string roleName) => new(
        $"Only observers rate turns; you play the {role}.",
        $"只有观察员可以给发言打分，你扮演的是“{roleName}”。");

    /// <summary>A rating of a turn that has not happened.</summary>
    public static LocalizedText NoTurnYet(int seq, string group) => new(
        $"There is no turn {seq} in {group} yet; rate a turn you can see.",
        $"{group}还没有第 {seq} 轮，请给你能看到的发言打分。");

    /// <summary>A rating of a customer, event or clock turn.</summary>
    public static LocalizedText NotAStaffTurn(int seq) => new(
        $"Turn {seq} is not a staff turn; rate what the staff said or did.",
        $"第 {seq} 轮不是员工的发言，请给员工说的话或做的事打分。");

    /// <summary>A rating with no verdicts.</summary>
    public static LocalizedText RateSomething { get; } = new(
        "Give at least one principle a rating of -1, 0 or +1.",
        "请至少给一项原则打分（-1、0 或 +1）。");

    /// <summary>A rating of something that is not a principle.</summary>
    public static LocalizedText NotAPrinciple(string id, IEnumerable<string> principles)
    {
        var list = principles.ToList();
        return new(
            $"'{id}' is not a principle; rate one of: {string.Join(", ", list)}.",
            $"“{id}”不是处理原则，请从 {string.Join("、", list)} 中选择打分。");
    }

    /// <summary>A verdict out of range.</summary>
    public static LocalizedText RatingRange(string principle, int value) => new(
        $"A rating is -1 (violated), 0 (not engaged) or +1 (upheld); {principle} got {value}.",
        $"评分只能是 -1（违反）、0（未涉及）或 +1（做到），而 {principle} 给的是 {value}。");

    /// <summary>Satisfaction from a seat that is not the customer's.</summary>
    public static LocalizedText OnlyCustomerRatesSatisfaction { get; } = new(
        "Only the customer's player rates satisfaction.",
        "只有扮演顾客的同学可以评价满意度。");

    /// <summary>Satisfaction with no items.</summary>
    public static LocalizedText RateSomeItem(IEnumerable<string> items)
    {
        var list = items.ToList();
        return new(
            $"Rate at least one item from 1 to 5: {string.Join(", ", list)}.",
            $"请至少给一项打 1 到 5 分：{string.Join("、", list)}。");
    }

    /// <summary>Satisfaction for something that is not an item.</summary>
    public static LocalizedText NotASatisfactionItem(string id, IEnumerable<string> items)
    {
        var list = items.ToList();
        return new(
            $"'{id}' is not a satisfaction item; rate one of: {string.Join(", ", list)}.",
            $"“{id}”不是满意度评价项，请从 {string.Join("、", list)} 中选择打分。");
    }

    /// <summary>A satisfaction score out of range.</summary>
    public static LocalizedText SatisfactionRange(string item, int value) => new(
        $"Each item is rated from 1 (poor) to 5 (excellent); {item} got {value}.",
        $"每一项的分数是 1（很差）到 5（非常好），而 {item} 给的是 {value}。");

    /// <summary>A satisfaction comment that is too long.</summary>
    public static LocalizedText CommentTooLong(int length, int max) => new(
        $"The comment has {length:N0} characters; keep it within {max:N0}.",
        $"意见有 {length:N0} 个字，请控制在 {max:N0} 字以内。");

    /// <summary>Reflection without answers.</summary>
    public static LocalizedText SendAnswers { get; } = new(
        "Send your answers, one per question.",
        "请提交你的回答，每个问题一条。");

    /// <summary>More answers than questions.</summary>
    public static LocalizedText TooManyAnswers(int questions, int answers) => new(
        $"There are {questions} questions but {answers} answers; send one answer per question.",
        $"一共 {questions} 个问题，却收到 {answers} 条回答，请每个问题只回答一条。");

    /// <summary>An answer that is too long (<paramref name="number"/> counts from 1).</summary>
    public static LocalizedText AnswerTooLong(int number, int length, int max) => new(
        $"Answer {number} has {length:N0} characters; keep each answer within {max:N0}.",
        $"第 {number} 条回答有 {length:N0} 个字，每条请控制在 {max:N0} 字以内。");

    /// <summary>Satisfaction before the scene has ended.</summary>
    public static LocalizedText RateAfterEnd { get; } = new(
        "The scene is still going: rate your satisfaction once it has ended.",
        "情景还在进行中，请等结束后再评价满意度。");

    /// <summary>Reflection before the scene has ended.</summary>
    public static LocalizedText ReflectAfterEnd { get; } = new(
        "The scene is still going: answer the reflection questions once it has ended.",
        "情景还在进行中，请等结束后再回答反思问题。");
}
