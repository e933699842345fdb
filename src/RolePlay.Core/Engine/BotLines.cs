using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Engine;

/// <summary>Which scripted line a bot plays: the stage's lines for the role and mood band, else the scenario's.</summary>
internal static class BotLines
{
    /// <summary>
    /// A line for <paramref name="role"/> in <paramref name="band"/>, picked by the play's seed and turn count so a
    /// replay picks the same one, and never the bot's own previous line again when there is another.
    /// </summary>
    public static BotLine Choose(Scenario scenario, Stage stage, string band, string role, int seed, IReadOnlyList<Turn> turns)
    {
        var lines = stage.Bots?.For(role, band) is { Count: > 0 } stageLines ? stageLines : scenario.Bots.For(role, band);
        if (lines.Count == 0)
        {
            throw new PlayRuleException(PlayText.NoBotLines(role, band));
        }

        var index = new Random(unchecked((seed * 397) ^ (turns.Count + 1))).Next(lines.Count);
        var previous = turns.LastOrDefault(t => t.Role == role && t.IsBot)?.Text;
        if (lines.Count > 1 && lines[index].Text == previous)
        {
            index = (index + 1) % lines.Count; // a bot that repeats itself word for word breaks the scene
        }

        return lines[index];
    }
}
