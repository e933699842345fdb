using RolePlay.Core.Scoring;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>
/// The fields the scenario reader accepts in each object of the format; any other field is an error. The reader checks
/// every mapping against these lists, and a test holds them equal to the properties <c>scenario.schema.json</c>
/// declares, so what an editor autocompletes and what the reader accepts cannot drift apart.
/// </summary>
internal static class ScenarioFields
{
    public static readonly IReadOnlyList<string> Scenario =
        ["id", "title", "locale", "summary", "roles", "mood", "stages", "outcomes", "unfinished", "cues", "events", "bots"];

    public static readonly IReadOnlyList<string> Role = ["id", "name", "customer", "briefing", "notes", "calledBy", "stepIn", "waiting"];

    public static readonly IReadOnlyList<string> Mood = ["start", "upheld", "violated", "bands"];

    public static readonly IReadOnlyList<string> MoodBand = ["id", "name", "max"];

    public static readonly IReadOnlyList<string> Stage = ["id", "title", "narration", "present", "opens", "actions", "transitions", "bots"];

    public static readonly IReadOnlyList<string> Action = ["id", "role", "label", "mood", "upholds", "violates", "calls"];

    public static readonly IReadOnlyList<string> Transition = ["to", "when"];

    public static readonly IReadOnlyList<string> When =
        ["action", "role", "cue", "upheld", "violated", "moodAtLeast", "moodAtMost", "turnsInStage", "secondsInStage", "event"];

    public static readonly IReadOnlyList<string> Outcome = ["id", "title", "success", "debrief", "questions"];

    public static readonly IReadOnlyList<string> Event = ["id", "label", "narration", "mood"];

    public static readonly IReadOnlyList<string> BotLine = ["text", "action"];

    /// <summary>
    /// Every object of the format by where it sits in a document (<c>a.b</c> a field, <c>[]</c> an item of a list,
    /// <c>*</c> any key of a map; the document itself is the empty path), with the fields the reader accepts there.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByPath { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [""] = Scenario,
        ["roles[]"] = Role,
        ["mood"] = Mood,
        ["mood.bands[]"] = MoodBand,
        ["mood.bands[].name"] = FieldReader.BilingualFields,
        ["stages[]"] = Stage,
        ["stages[].actions[]"] = Action,
        ["stages[].transitions[]"] = Transition,
        ["stages[].transitions[].when"] = When,
        ["stages[].bots.*.*[]"] = BotLine,
        ["outcomes[]"] = Outcome,
        ["cues[]"] = CueReader.ScenarioFields,
        ["cues[].feedback"] = FieldReader.BilingualFields,
        ["events[]"] = Event,
        ["bots.*.*[]"] = BotLine,
    };
}
