namespace RolePlay.Core.Scoring;

/// <summary>The five complaint-handling principles every staff turn is scored against, in display order.</summary>
public static class Principles
{
    /// <summary>顾客永远是对的: the customer is always right.</summary>
    public const string CustomerFirst = "customer-first";

    /// <summary>及时、快捷、诚恳: timely, quick and sincere.</summary>
    public const string PromptSincere = "prompt-sincere";

    /// <summary>带离现场处置: take it away from the scene.</summary>
    public const string OffScene = "off-scene";

    /// <summary>肯定顾客,欣赏顾客: affirm and appreciate the customer.</summary>
    public const string Affirm = "affirm";

    /// <summary>准确处置,达成共识: resolve accurately, reach agreement.</summary>
    public const string Resolve = "resolve";

    /// <summary>All five ids, in the order verdicts are reported.</summary>
    public static IReadOnlyList<string> Ids { get; } = [CustomerFirst, PromptSincere, OffScene, Affirm, Resolve];

    /// <summary>The position of a principle id in <see cref="Ids"/>, or −1.</summary>
    public static int IndexOf(string id) => id switch
    {
        CustomerFirst => 0,
        PromptSincere => 1,
        OffScene => 2,
        Affirm => 3,
        Resolve => 4,
        _ => -1,
    };
}
