using System.Globalization;
using RolePlay.Core.Scenarios;
using Stateless;
using Stateless.Graph;
using Transition = RolePlay.Core.Scenarios.Transition;

namespace RolePlay.Core.Engine;

/// <summary>
/// The scenario's stage graph as a Stateless state machine: states are stages and outcomes, and each
/// transition of the scenario is a trigger named for its condition, so the graph reads well when drawn.
/// </summary>
public sealed class StageMachine
{
    private readonly StateMachine<string, string> _machine;
    private readonly Dictionary<Transition, string> _triggers = [];
    private string _state;

    /// <summary>Builds the machine in the scenario's start stage.</summary>
    public StageMachine(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _state = scenario.StartStage.Id;
        _machine = new StateMachine<string, string>(() => _state, s => _state = s);
        foreach (var stage in scenario.Stages)
        {
            var config = _machine.Configure(stage.Id);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var transition in stage.Transitions)
            {
                var name = Describe(transition.When);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = $"{Describe(transition.When)} ({n.ToString(CultureInfo.InvariantCulture)})";
                }

                _triggers[transition] = name;
                if (transition.To == stage.Id)
                {
                    config.PermitReentry(name);
                }
                else
                {
                    config.Permit(name, transition.To);
                }
            }
        }

        foreach (var outcome in scenario.Outcomes)
        {
            _machine.Configure(outcome.Id);
        }
    }

    /// <summary>The current stage or outcome id.</summary>
    public string State => _state;

    /// <summary>Moves along <paramref name="transition"/>, which must leave the current stage.</summary>
    public void Fire(Transition transition) => _machine.Fire(_triggers[transition]);

    /// <summary>The graph in Mermaid (<c>stateDiagram-v2</c>) text.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    /// <summary>The graph in Graphviz DOT text.</summary>
    public string ToDot() => UmlDotGraph.Format(_machine.GetInfo());

    /// <summary>A short readable name for a transition condition, e.g. <c>cue rest-area</c> or <c>mood ≤ 10</c>.</summary>
    public static string Describe(TransitionCondition when)
    {
        ArgumentNullException.ThrowIfNull(when);
        var parts = new List<string>();
        void Add(string? value, string format)
        {
            if (value is not null)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, format, value));
            }
        }

        Add(when.Event, "event {0}");
        Add(when.Role, "{0}");
        Add(when.Action, "action {0}");
        Add(when.Cue, "says {0}");
        Add(when.Upheld, "upholds {0}");
        Add(when.Violated, "violates {0}");
        Add(when.MoodAtLeast?.ToString(CultureInfo.InvariantCulture), "mood >= {0}");
        Add(when.MoodAtMost?.ToString(CultureInfo.InvariantCulture), "mood <= {0}");
        Add(when.TurnsInStage?.ToString(CultureInfo.InvariantCulture), "after {0} turns");
        Add(when.SecondsInStage?.ToString(CultureInfo.InvariantCulture), "after {0} s");
        return string.Join(" ", parts);
    }
}
