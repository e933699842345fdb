using RolePlay.Core.Localization;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>A complaint-handling scene: roles, stages and the ways it can end. Loaded from YAML by <see cref="ScenarioLoader"/>.</summary>
public sealed record Scenario(
    string Id,
    string Title,
    string Locale,
    string Summary,
    IReadOnlyList<Role> Roles,
    MoodModel Mood,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<Outcome> Outcomes,
    string UnfinishedOutcome,
    IReadOnlyList<Cue> Cues,
    IReadOnlyList<ScenarioEvent> Events,
    BotLines Bots,
    string SourcePath)
{
    /// <summary>The id every scenario gives its success outcome.</summary>
    public const string ResolvedOutcomeId = "resolved";

    /// <summary>The stage a play starts in: the first one listed.</summary>
    public Stage StartStage => Stages[0];

    /// <summary>The customer role (exactly one per scenario).</summary>
    public Role Customer => Roles.First(r => r.IsCustomer);

    /// <summary>True when the scenario's text is Chinese.</summary>
    public bool IsChinese => Locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The stage with this id, or null.</summary>
    public Stage? FindStage(string id) => Stages.FirstOrDefault(s => s.Id == id);

    /// <summary>The outcome with this id, or null.</summary>
    public Outcome? FindOutcome(string id) => Outcomes.FirstOrDefault(o => o.Id == id);

    /// <summary>The role with this id, or null.</summary>
    public Role? FindRole(string id) => Roles.FirstOrDefault(r => r.Id == id);
}

/// <summary>A part someone plays: the customer or a member of staff.</summary>
/// <param name="Briefing">Markdown every player may read.</param>
/// <param name="Notes">Markdown only this role's player sees.</param>
/// <param name="CalledBy">Cue ids (shared calls of <c>principles.yaml</c> or the scenario's own cues) that bring this role into the current stage when a member of staff says them.</param>
/// <param name="CanStepIn">True when the role's player may step into the scene unasked.</param>
/// <param name="Waiting">Markdown shown to the role's player while the role is not in the scene: why it waits and what brings it in; empty for the engine's own summary.</param>
public sealed record Role(string Id, string Name, bool IsCustomer, string Briefing, string Notes, IReadOnlyList<string>? CalledBy = null, bool CanStepIn = false, string Waiting = "")
{
    /// <summary>The cue ids that call this role in (never null).</summary>
    public IReadOnlyList<string> Calls => CalledBy ?? [];
}

/// <summary>How the customer's mood (0 furious … 100 delighted) starts and moves.</summary>
/// <param name="Upheld">Mood change for each principle a staff turn upholds.</param>
/// <param name="Violated">Mood change for each principle a staff turn violates (negative).</param>
public sealed record MoodModel(int Start, IReadOnlyList<MoodBand> Bands, int Upheld, int Violated)
{
    /// <summary>The band a mood value falls in.</summary>
    public MoodBand BandOf(int mood)
    {
        foreach (var band in Bands)
        {
            if (mood <= band.Max)
            {
                return band;
            }
        }

        return Bands[^1];
    }
}

/// <summary>A named range of mood up to and including <paramref name="Max"/>; bot lines are chosen per band.</summary>
/// <param name="Name">What the mood meter calls the band ("upset"), in both UI languages; the id when the author gives no name.</param>
public sealed record MoodBand(string Id, int Max, LocalizedText Name);

/// <summary>A stage of the scene.</summary>
/// <param name="Present">Roles in the scene at this stage; only they may speak.</param>
/// <param name="Opens">Who moves first on entering the stage (<c>opens: customer</c> or <c>staff</c> in the file).</param>
public sealed record Stage(
    string Id,
    string Title,
    string Narration,
    IReadOnlyList<string> Present,
    Engine.Side Opens,
    IReadOnlyList<StageAction> Actions,
    IReadOnlyList<Transition> Transitions,
    BotLines? Bots,
    SourceMark Mark);

/// <summary>A shortcut a role can take in a stage, e.g. "invite to the rest area".</summary>
/// <param name="Verdicts">Principles the action upholds (+1) or violates (−1).</param>
/// <param name="Calls">A staff role the action brings into the current stage (e.g. "call the manager"), or null.</param>
public sealed record StageAction(string Id, string Role, string Label, int Mood, IReadOnlyDictionary<string, int> Verdicts, SourceMark Mark, string? Calls = null);

/// <summary>An edge of the stage graph: when every condition of <see cref="When"/> holds after a turn, the play moves to <see cref="To"/>.</summary>
/// <param name="To">A stage id or an outcome id.</param>
public sealed record Transition(string To, TransitionCondition When, SourceMark Mark);

/// <summary>The conditions of a transition; all that are set must hold.</summary>
public sealed record TransitionCondition
{
    /// <summary>The turn took this action.</summary>
    public string? Action { get; init; }

    /// <summary>The turn was by this role (or by any staff role with <see cref="AnyStaff"/>).</summary>
    public string? Role { get; init; }

    /// <summary>The <see cref="Role"/> that any member of staff satisfies: <c>role: staff</c> in the file.</summary>
    public const string AnyStaff = "staff";

    /// <summary>The turn's text matched this scenario cue.</summary>
    public string? Cue { get; init; }

    /// <summary>The turn upheld this principle.</summary>
    public string? Upheld { get; init; }

    /// <summary>The turn violated this principle.</summary>
    public string? Violated { get; init; }

    /// <summary>Mood after the turn is at least this.</summary>
    public int? MoodAtLeast { get; init; }

    /// <summary>Mood after the turn is at most this.</summary>
    public int? MoodAtMost { get; init; }

    /// <summary>At least this many turns have been taken in the stage.</summary>
    public int? TurnsInStage { get; init; }

    /// <summary>At least this many seconds have passed in the stage.</summary>
    public int? SecondsInStage { get; init; }

    /// <summary>The instructor injected this scenario event.</summary>
    public string? Event { get; init; }

    /// <summary>True when the condition depends on nothing the players say or do (time, mood, turn count, events).</summary>
    public bool IsActionOnly => Action is not null;
}

/// <summary>A way the scene ends.</summary>
/// <param name="Debrief">Markdown shown to everyone at the end.</param>
public sealed record Outcome(string Id, string Title, bool Success, string Debrief, IReadOnlyList<string> Questions);

/// <summary>An event the instructor can inject into a running scene.</summary>
public sealed record ScenarioEvent(string Id, string Label, string Narration, int Mood);

/// <summary>A scenario-specific rubric cue: words that count for (or against) a principle, or that move the scene.</summary>
/// <param name="Principle">The principle it scores, or null for a cue that only drives transitions.</param>
/// <param name="Polarity">+1 upholds, −1 violates.</param>
/// <param name="Stages">Stages where it applies; empty means everywhere.</param>
/// <param name="Mood">Extra mood change when it matches.</param>
public sealed record Cue(
    string Id,
    string? Principle,
    int Polarity,
    double Weight,
    IReadOnlyList<CuePattern> Patterns,
    LocalizedText? Feedback,
    NegationMode Negation,
    IReadOnlyList<string> Stages,
    int Mood,
    SourceMark Mark)
{
    /// <summary>The cue's patterns combined for matching, one regex per script.</summary>
    public Scoring.CueMatcher Matcher { get; } = Scoring.CueMatcher.Create(Patterns);
}

/// <summary>One pattern of a cue: the author's text and the regex compiled from it (non-backtracking, so it cannot hang).</summary>
public sealed record CuePattern(string Source, System.Text.RegularExpressions.Regex Regex);

/// <summary>What a negation just before a cue's words does to it ("不是您的错", "I'm not blaming you").</summary>
public enum NegationMode
{
    /// <summary>The negated cue does not count.</summary>
    Cancel,

    /// <summary>The negated cue counts with the opposite polarity.</summary>
    Flip,

    /// <summary>Negation is not looked for.</summary>
    Ignore,
}

/// <summary>Scripted lines for bots: role id → mood band id → lines.</summary>
public sealed record BotLines(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<BotLine>>> ByRole)
{
    /// <summary>No lines at all.</summary>
    public static BotLines Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<BotLine>>>());

    /// <summary>Lines for a role in a band, or an empty list.</summary>
    public IReadOnlyList<BotLine> For(string role, string band) =>
        ByRole.TryGetValue(role, out var bands) && bands.TryGetValue(band, out var lines) ? lines : [];
}

/// <summary>One scripted line; a staff bot line may take an action instead of (or as well as) speaking.</summary>
public sealed record BotLine(string Text, string? Action);
