namespace RolePlay.Core.Scenarios;

/// <summary>Whole-scenario checks run after every field and reference is known to be sound: the shape of the stage graph.</summary>
internal static class ScenarioChecks
{
    public static void Run(Scenario scenario, Diagnostics diag)
    {
        var all = Reachable(scenario, wordsOnly: false);
        var byWords = Reachable(scenario, wordsOnly: true);
        foreach (var stage in scenario.Stages.Skip(1))
        {
            if (!all.Contains(stage.Id))
            {
                diag.Add(stage.Mark, $"stage '{stage.Id}' is unreachable: no transition from the start stage '{scenario.StartStage.Id}' leads to it");
            }
            else if (!byWords.Contains(stage.Id))
            {
                diag.Add(stage.Mark, $"stage '{stage.Id}' can be reached only through actions; add a transition on what staff say (a cue, a verdict or mood) so a play in words alone can reach it");
            }
        }

        var resolvedMark = scenario.StartStage.Mark;
        if (scenario.FindOutcome(Scenario.ResolvedOutcomeId) is null)
        {
            diag.Add(resolvedMark, "the scenario has no outcome with id 'resolved' (every scenario's success outcome is called 'resolved')");
        }
        else if (!byWords.Contains(Scenario.ResolvedOutcomeId))
        {
            diag.Add(resolvedMark, $"no path of transitions leads from the start stage '{scenario.StartStage.Id}' to the outcome 'resolved' by words alone");
        }

        if (scenario.FindOutcome(scenario.UnfinishedOutcome) is { Success: true })
        {
            diag.Add(resolvedMark, "'unfinished' must name a failure outcome: an unfinished play is never a success");
        }

        foreach (var cue in scenario.Cues)
        {
            foreach (var stage in cue.Stages.Where(s => scenario.FindStage(s) is null))
            {
                diag.Add(cue.Mark, $"cue '{cue.Id}' names unknown stage '{stage}'");
            }
        }

        foreach (var stage in scenario.Stages)
        {
            foreach (var transition in stage.Transitions)
            {
                var role = transition.When.Role;
                if (role is not null and not TransitionCondition.AnyStaff && !stage.Present.Contains(role))
                {
                    diag.Add(transition.Mark, $"transition waits for role '{role}', who is not present in stage '{stage.Id}'");
                }
            }
        }
    }

    /// <summary>Ids of stages and outcomes reachable from the start, optionally without action-only transitions.</summary>
    internal static HashSet<string> Reachable(Scenario scenario, bool wordsOnly)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { scenario.StartStage.Id };
        var queue = new Queue<Stage>([scenario.StartStage]);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var t in stage.Transitions)
            {
                if (wordsOnly && t.When.IsActionOnly)
                {
                    continue;
                }

                if (seen.Add(t.To) && scenario.FindStage(t.To) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }
}
