using System.Collections.Frozen;

namespace RolePlay.Core.Scoring;

/// <summary>Maps traditional Chinese characters to their simplified forms, one character for one, so offsets stay put.</summary>
internal static class ChineseScript
{
    // Pairs of (traditional, simplified) characters, aligned position by position.
    private const string Traditional = "對錯說話們來這個嗎為什麼應該讓請謝歡顧客務員經理闆店賣買錢賠償價換歉禮麼與會時間現場給點處決問題滿意還過後裡邊號電話幫實業開關門壞夾塊蛋撻麵";
    private const string Simplified = "对错说话们来这个吗为什么应该让请谢欢顾客务员经理板店卖买钱赔偿价换歉礼么与会时间现场给点处决问题满意还过后里边号电话帮实业开关门坏夹块蛋挞面";

    private static readonly FrozenDictionary<char, char> Map = Build();

    public static char ToSimplified(char c) => c is >= '\u4E00' and <= '\u9FFF' && Map.TryGetValue(c, out var s) ? s : c;

    private static FrozenDictionary<char, char> Build()
    {
        if (Traditional.Length != Simplified.Length)
        {
            throw new InvalidOperationException("the traditional and simplified tables must be the same length");
        }

        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (Traditional[i] != Simplified[i])
            {
                map[Traditional[i]] = Simplified[i];
            }
        }

        return map.ToFrozenDictionary();
    }
}
