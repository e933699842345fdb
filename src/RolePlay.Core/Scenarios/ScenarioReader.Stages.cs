using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>The stage graph part of a scenario: stages, their actions and their transitions.</summary>
internal sealed partial class ScenarioReader
{
    private Stage ReadStage(YamlNode node)
    {
        var f = FieldReader.For(node, diag, "a stage", ScenarioFields.Stage);
        if (f is null)
        {
            return new Stage(string.Empty, string.Empty, string.Empty, [], Engine.Side.Customer, [], [], null, node.Mark);
        }

        var id = f.Text("id", required: true);
        CheckId(id, f.MarkOf("id"), "stage id");
        var present = f.Strings("present", required: true);
        foreach (var role in present)
        {
            Reference("role", role.Value, role.Mark);
        }

        var opensText = f.Text("opens");
        Engine.Side? opens = opensText switch
        {
            "" or "customer" => Engine.Side.Customer,
            "staff" => Engine.Side.Staff,
            _ => null,
        };
        if (opens is null)
        {
            diag.Add(f.MarkOf("opens"), $"opens must be 'customer' or 'staff', not '{opensText}'");
        }

        var actions = f.List("actions").Select(ReadAction).ToList();
        foreach (var dup in actions.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            diag.Add(dup.Last().Mark, $"duplicate action id '{dup.Key}' in stage '{id}'");
        }

        var transitions = f.List("transitions").Select(n => ReadTransition(n, actions)).ToList();
        var bots = f.Node("bots") is null ? null : ReadBots(f.Node("bots"), $"bots of stage '{id}'", required: false);
        return new Stage(id, f.Text("title"), f.Text("narration", required: true), [.. present.Select(p => p.Value)], opens ?? Engine.Side.Customer, actions, transitions, bots, f.Mark);
    }

    private StageAction ReadAction(YamlNode node)
    {
        var f = FieldReader.For(node, diag, "an action", ScenarioFields.Action);
        if (f is null)
        {
            return new StageAction(string.Empty, string.Empty, string.Empty, 0, new Dictionary<string, int>(), node.Mark);
        }

        var id = f.Text("id", required: true);
        CheckId(id, f.MarkOf("id"), "action id");
        var role = f.Text("role", required: true);
        Reference("role", role, f.MarkOf("role"));
        var verdicts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, polarity) in new[] { ("upholds", 1), ("violates", -1) })
        {
            foreach (var p in f.Strings(key))
            {
                Reference("principle", p.Value, p.Mark);
                verdicts[p.Value] = polarity;
            }
        }

        var calls = f.String("calls");
        Reference("role", calls, f.MarkOf("calls"));
        return new StageAction(id, role, f.Text("label", required: true), f.Int("mood", -100, 100) ?? 0, verdicts, f.Mark, calls);
    }

    private Transition ReadTransition(YamlNode node, List<StageAction> actions)
    {
        var f = FieldReader.For(node, diag, "a transition", ScenarioFields.Transition);
        if (f is null)
        {
            return new Transition(string.Empty, new TransitionCondition(), node.Mark);
        }

        var to = f.Text("to", required: true);
        Reference("target", to, f.MarkOf("to"));
        var w = FieldReader.For(f.Mapping("when", required: true), diag, "a transition's 'when'", ScenarioFields.When);
        if (w is null)
        {
            return new Transition(to, new TransitionCondition(), f.Mark);
        }

        var when = new TransitionCondition
        {
            Action = w.String("action"),
            Role = w.String("role"),
            Cue = w.String("cue"),
            Upheld = w.String("upheld"),
            Violated = w.String("violated"),
            MoodAtLeast = w.Int("moodAtLeast", 0, 100),
            MoodAtMost = w.Int("moodAtMost", 0, 100),
            TurnsInStage = w.Int("turnsInStage", 1, 1000),
            SecondsInStage = w.Int("secondsInStage", 1, 86_400),
            Event = w.String("event"),
        };
        if (when.Action is not null && actions.All(a => a.Id != when.Action))
        {
            diag.Add(w.MarkOf("action"), $"unknown action '{when.Action}': this stage defines {Listed(actions.Select(a => a.Id))}");
        }

        if (when.Role is not null and not TransitionCondition.AnyStaff)
        {
            Reference("role", when.Role, w.MarkOf("role"));
        }

        Reference("cue", when.Cue, w.MarkOf("cue"));
        Reference("principle", when.Upheld, w.MarkOf("upheld"));
        Reference("principle", when.Violated, w.MarkOf("violated"));
        Reference("event", when.Event, w.MarkOf("event"));
        if (when == new TransitionCondition())
        {
            diag.Add(w.Mark, "a transition's 'when' needs at least one condition");
        }

        return new Transition(to, when, f.MarkOf("to"));
    }
}
