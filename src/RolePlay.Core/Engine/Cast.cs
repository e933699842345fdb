using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Engine;

/// <summary>
/// Who is in a play's scene: the stage's own roles plus those called in by a colleague, stepping in or brought in by
/// the instructor (they stay for the rest of the play), and, for a role still waiting, what would bring it in.
/// </summary>
internal sealed class Cast(Scenario scenario)
{
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="role"/> is in the scene in <paramref name="stage"/>.</summary>
    public bool IsPresent(Stage stage, string role) => stage.Present.Contains(role) || _joined.Contains(role);

    /// <summary>The roles in the scene: the stage's own, then any brought in since (in the scenario's order).</summary>
    public IReadOnlyList<string> Present(Stage stage) =>
        [.. stage.Present, .. scenario.Roles.Select(r => r.Id).Where(r => _joined.Contains(r) && !stage.Present.Contains(r))];

    /// <summary>Brings <paramref name="role"/> into the scene for the rest of the play.</summary>
    public void Join(string role) => _joined.Add(role);

    /// <summary>The staff roles a staff turn calls into the scene: by an action that calls them, or by words in their <c>calledBy</c>.</summary>
    public IReadOnlyList<string> CalledIn(Stage stage, string? text, TurnScore score, StageAction? action)
    {
        List<string>? called = null;
        string? normalized = null;
        foreach (var r in scenario.Roles)
        {
            if (r.IsCustomer || IsPresent(stage, r.Id))
            {
                continue;
            }

            var byAction = action?.Calls == r.Id;
            var byWords = text is not null && r.Calls.Any(id => score.MatchedCues.Contains(id)
                || (SharedCalls.Default.Find(id) is { } shared && SharedCalls.Default.SaysNormalized(shared, normalized ??= TextNormalizer.Normalize(text))));
            if (byAction || byWords)
            {
                (called ??= []).Add(r.Id);
            }
        }

        return called ?? (IReadOnlyList<string>)[];
    }

    /// <summary>For a role not in the scene: why it waits and what brings it in, in the scenario's language; null when it is in the scene.</summary>
    public RoleWaiting? WaitingOf(Stage current, string role)
    {
        if (scenario.FindRole(role) is not { } r || IsPresent(current, role))
        {
            return null;
        }

        var zh = scenario.IsChinese;
        var ways = new List<string>();
        foreach (var cueId in r.Calls)
        {
            var example = SharedCalls.Default.Find(cueId)?.Example.In(zh);
            ways.Add(zh
                ? $"同事开口请你过来{(string.IsNullOrEmpty(example) ? string.Empty : $"，比如说“{example}”")}"
                : $"a colleague calls you over{(string.IsNullOrEmpty(example) ? string.Empty : $", e.g. “{example}”")}");
        }

        foreach (var (stage, action) in scenario.Stages.SelectMany(s => s.Actions.Where(a => a.Calls == role).Select(a => (s, a))).DistinctBy(x => x.a.Label))
        {
            var by = scenario.FindRole(action.Role)?.Name ?? action.Role;
            ways.Add(zh ? $"{by}选择“{action.Label}”" : $"{by} takes “{action.Label}”");
        }

        var stages = scenario.Stages.Where(s => s.Present.Contains(role)).Select(s => s.Title).ToList();
        if (stages.Count > 0)
        {
            ways.Add(zh ? $"剧情来到“{string.Join("”或“", stages.Take(3))}”" : $"the scene reaches “{string.Join("” or “", stages.Take(3))}”");
        }

        if (r.CanStepIn)
        {
            ways.Add(zh ? "你也可以自己上前" : "you may also step in yourself");
        }

        var why = r.Waiting.Length > 0
            ? r.Waiting
            : zh ? $"{r.Name}还没有出场（现在是“{current.Title}”）。" : $"{r.Name} is not in the scene yet (now: “{current.Title}”).";
        return new RoleWaiting(role, why, ways, r.CanStepIn);
    }
}
