using RolePlay.Core.Scoring;

namespace RolePlay.Core.Tests.Scoring;

/// <summary>
/// Staff lines in simplified Chinese, traditional Chinese and English with the verdict a trainer would give on one principle.
/// The shipped rubric must generalise to these: tune cues for the principle, never for a line.
/// </summary>
public class ScorerTableTests
{
    private static readonly RubricScorer Scorer = new(Rubric.Default);

    [Theory]
    [InlineData("这两块蛋挞您夹坏了,您要么买回去,要么赔偿!", "customer-first", -1)]
    [InlineData("这两块蛋挞您夹坏了,您要么买回去,要么赔偿!", "affirm", 0)]
    [InlineData("您不会用食品夹,我来教您好吗?", "affirm", -1)]
    [InlineData("算了,算了,不要您赔了!", "prompt-sincere", -1)]
    [InlineData("没有钱就别来店里买东西!", "customer-first", -1)]
    [InlineData("起初不对的是你,才产生了后来我们服务员说话过火。如果您坚持要赔钱,我就要怀疑您今天的动机。", "customer-first", -1)]
    [InlineData("起初不对的是你,才产生了后来我们服务员说话过火。如果您坚持要赔钱,我就要怀疑您今天的动机。", "affirm", -1)]
    [InlineData("不是您的错,是我们的夹子不好用。", "customer-first", 1)]
    [InlineData("您是不是自己把蛋挞夹坏了?", "customer-first", -1)]
    [InlineData("是不是您自己不小心弄坏的?", "customer-first", -1)]
    [InlineData("您有没有把说明书看一遍?我们这边没有问题。", "customer-first", 0)]
    [InlineData("非常抱歉,让您受委屈了,请到休息区坐一下,我给您倒杯茶。", "prompt-sincere", 1)]
    [InlineData("非常抱歉,让您受委屈了,请到休息区坐一下,我给您倒杯茶。", "off-scene", 1)]
    [InlineData("这样吧,我让领班当面向您道歉,再以店里的名义送您一盒点心,您看可以吗?", "resolve", 1)]
    [InlineData("这样吧,我让领班当面向您道歉,再以店里的名义送您一盒点心,您看可以吗?", "prompt-sincere", 1)]
    [InlineData("我不会道歉的。", "prompt-sincere", -1)]
    [InlineData("这不能怪您,食品夹确实不太好用。", "customer-first", 1)]
    [InlineData("谢谢您告诉我们,您的意见很宝贵。", "affirm", 1)]
    [InlineData("对不起,是我们没做好。", "customer-first", 1)]
    [InlineData("对不起,是我们没做好。", "prompt-sincere", 1)]
    [InlineData("罚款是不可能的。", "resolve", -1)]
    [InlineData("您先别着急,我马上帮您重新夹两个。", "prompt-sincere", 1)]
    [InlineData("您先别着急,我马上帮您重新夹两个。", "resolve", 1)]
    [InlineData("這不是您的錯,是我們沒有提醒清楚,真對不起。", "customer-first", 1)]
    [InlineData("這不是您的錯,是我們沒有提醒清楚,真對不起。", "prompt-sincere", 1)]
    [InlineData("您要麼買回去,要麼賠償。", "customer-first", -1)]
    [InlineData("謝謝您的耐心,我們馬上給您換新的。", "affirm", 1)]
    [InlineData("謝謝您的耐心,我們馬上給您換新的。", "resolve", 1)]
    [InlineData("沒有錢就別來店裡買東西!", "customer-first", -1)]
    [InlineData("請您到休息區坐一下,我給您倒杯茶。", "off-scene", 1)]
    [InlineData("我們懷疑您是故意的。", "customer-first", -1)]
    [InlineData("我們懷疑您是故意的。", "affirm", -1)]
    [InlineData("Either you buy them or you pay for them.", "customer-first", -1)]
    [InlineData("I'm not blaming you at all.", "customer-first", 1)]
    [InlineData("I'm sorry, we didn't check your record before the treatment.", "customer-first", 1)]
    [InlineData("That's down to how we fitted it, not to anything you did.", "customer-first", 1)]
    [InlineData("We didn't do anything wrong here.", "customer-first", 0)]
    [InlineData("对不起,我们没核对您的档案就给您做了护理。", "customer-first", 1)]
    [InlineData("我們事先沒有問清楚您的膚質,真對不起。", "customer-first", 1)]
    [InlineData("It's your fault, you crushed them.", "customer-first", -1)]
    [InlineData("I'm so sorry, that's completely our fault.", "customer-first", 1)]
    [InlineData("I'm so sorry, that's completely our fault.", "prompt-sincere", 1)]
    [InlineData("I won't apologize for that.", "prompt-sincere", -1)]
    [InlineData("Please have a seat in the rest area, can I get you a cup of tea?", "off-scene", 1)]
    [InlineData("If you have no money, don't come in here.", "customer-first", -1)]
    [InlineData("I'm starting to question your motives today.", "customer-first", -1)]
    [InlineData("I'm starting to question your motives today.", "affirm", -1)]
    [InlineData("Thank you for letting us know, what would you like us to do?", "affirm", 1)]
    [InlineData("Thank you for letting us know, what would you like us to do?", "resolve", 1)]
    [InlineData("We'll replace them right away, does that work for you?", "resolve", 1)]
    [InlineData("We'll replace them right away, does that work for you?", "prompt-sincere", 1)]
    [InlineData("Forget it, you don't have to pay.", "prompt-sincere", -1)]
    [InlineData("That's store policy, there's nothing I can do.", "customer-first", -1)]
    [InlineData("That's store policy, there's nothing I can do.", "resolve", -1)]
    [InlineData("Let me show you how to use the tongs.", "affirm", -1)]
    [InlineData("I'll follow up with you tomorrow to make sure everything is fine.", "resolve", 1)]
    [InlineData("您别生气,这事是我们没跟您说清楚。", "customer-first", 1)]
    [InlineData("你自己夹碎的,怎么能怪我们?", "customer-first", -1)]
    [InlineData("您这样闹,其他顾客都看着呢。", "affirm", 0)]
    [InlineData("咱们到里面办公室慢慢谈好吗?", "off-scene", 1)]
    [InlineData("这点小事至于吗?", "prompt-sincere", -1)]
    [InlineData("我这就去给您拿两个新的蛋挞。", "prompt-sincere", 1)]
    [InlineData("您是我们的老顾客了,真的很感谢您一直支持我们。", "affirm", 1)]
    [InlineData("您希望我们怎么处理,您尽管说。", "resolve", 1)]
    [InlineData("那我们明天给您回个电话,看看处理结果您满不满意。", "resolve", 1)]
    [InlineData("这个我做不了主,您找别人吧。", "prompt-sincere", -1)]
    [InlineData("您要是不买就请出去,别耽误我们做生意。", "customer-first", -1)]
    [InlineData("我理解您的心情,换作是我也会不高兴。", "affirm", 1)]
    [InlineData("你懂不懂规矩啊?", "affirm", -1)]
    [InlineData("这是公司规定,我们也没办法。", "customer-first", -1)]
    [InlineData("这是公司规定,我们也没办法。", "resolve", -1)]
    [InlineData("您慢慢挑,不着急。", "customer-first", 0)]
    [InlineData("真是不好意思,讓您久等了。", "prompt-sincere", 1)]
    [InlineData("您別擔心,這兩塊蛋撻不用您賠。", "customer-first", 1)]
    [InlineData("我們會認真處理,明天給您答覆。", "prompt-sincere", 1)]
    [InlineData("這件事我們研究研究再說吧。", "resolve", -1)]
    [InlineData("您這個要求太過分了!", "customer-first", -1)]
    [InlineData("感謝您的寶貴意見,我們一定改進。", "affirm", 1)]
    [InlineData("你們這種客人我見多了,就是想佔便宜。", "affirm", -1)]
    [InlineData("請到這邊坐,我們慢慢說。", "off-scene", 1)]
    [InlineData("I'm really sorry you had to go through that.", "prompt-sincere", 1)]
    [InlineData("You should have been more careful with the tongs.", "customer-first", -1)]
    [InlineData("Don't worry about the tarts, it happens all the time.", "customer-first", 1)]
    [InlineData("Would you like to come over to the seating area where it's quieter?", "off-scene", 1)]
    [InlineData("I completely understand why you're upset.", "affirm", 1)]
    [InlineData("Honestly, that's not my department.", "prompt-sincere", -1)]
    [InlineData("We can't give refunds on damaged goods.", "resolve", -1)]
    [InlineData("Let me get you two fresh ones right now, on the house.", "resolve", 1)]
    [InlineData("Let me get you two fresh ones right now, on the house.", "prompt-sincere", 1)]
    [InlineData("Is there anything else I can do to make this right for you?", "resolve", 1)]
    [InlineData("Are you seriously making a scene over two egg tarts?", "affirm", -1)]
    [InlineData("We'll think about it and maybe let you know.", "resolve", -1)]
    [InlineData("Thanks so much for your patience with us.", "affirm", 1)]
    [InlineData("You're being unreasonable.", "customer-first", -1)]
    [InlineData("I'd be annoyed too if that happened to me.", "affirm", 1)]
    [InlineData("Look, either buy them or leave.", "customer-first", -1)]
    [InlineData("It wasn't your fault at all, these tongs are tricky.", "customer-first", 1)]
    [InlineData("I'm going to have to ask you to pay for those.", "customer-first", -1)]
    [InlineData("Can I take your number so I can call you tomorrow?", "resolve", 1)]
    public void Staff_line_gets_the_verdict_a_trainer_would_give(string line, string principle, int expected)
    {
        var score = Scorer.Score(new ScoringRequest(line, "clerk", null, null, null));

        var verdict = score.Verdicts.Single(v => v.Principle == principle);
        Assert.True(expected == verdict.Verdict, $"{principle}: expected {expected}, got {verdict.Verdict}; evidence: {string.Join(", ", verdict.Evidence.Select(e => $"{e.Source}:{e.Text}({e.Polarity})"))}");
    }

    [Theory]
    [InlineData("好的。")]
    [InlineData("OK.")]
    [InlineData("Sure.")]
    public void Neutral_line_engages_no_principle(string line)
    {
        var score = Scorer.Score(new ScoringRequest(line, "clerk", null, null, null));

        Assert.All(score.Verdicts, v => Assert.Equal(0, v.Verdict));
    }
}
