namespace RolePlay.Core.Scoring.Corpus;

/// <summary>Which part of the corpus a line belongs to.</summary>
public enum CorpusSplit
{
    /// <summary>Used to train the model.</summary>
    Train,

    /// <summary>Never trained or tuned on; agreement is reported on these lines alone.</summary>
    HeldOut,
}

/// <summary>One staff line of the labelled corpus with its settled verdicts.</summary>
/// <param name="Id">Unique id, <c>scenario.script.number</c> for written lines, <c>class.…</c> for lines from real classes.</param>
/// <param name="Scenario">The scenario's base id, without its language (<c>bakery-egg-tart</c>).</param>
/// <param name="Script">zh-Hans, zh-Hant or en.</param>
/// <param name="Verdicts">The settled verdict on each principle, in <see cref="Principles.Ids"/> order.</param>
/// <param name="Source">Who labelled it: <c>labellers</c> (two independent labellers, disagreements settled) or <c>class</c> (a trainer's override or observers' ratings from a real class).</param>
public sealed record CorpusLine(
    string Id,
    string Scenario,
    string Script,
    string Role,
    string? Stage,
    string Text,
    CorpusSplit Split,
    IReadOnlyList<int> Verdicts,
    string Source)
{
    /// <summary>The three scripts of the corpus.</summary>
    public static IReadOnlyList<string> Scripts { get; } = ["zh-Hans", "zh-Hant", "en"];

    /// <summary>The id of the scenario file this line belongs to (<c>bakery-egg-tart-zh</c>).</summary>
    public string ScenarioFileId => Scenario + (Script == "en" ? "-en" : "-zh");
}
