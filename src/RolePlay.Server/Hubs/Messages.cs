using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;

namespace RolePlay.Server.Hubs;

/// <summary>Builds hub messages from engine types.</summary>
internal static class Messages
{
    public static TurnMessage Turn(string groupId, Turn turn, bool withFeedback, string? expecting = null)
    {
        var t = TranscriptTurn.From(turn);
        return new TurnMessage(
            groupId, t.Seq, t.Kind, t.Role, t.Text, t.Action, t.Event, t.Stage, t.AtMs, t.LatencyMs, t.Bot, t.Mood,
            withFeedback ? t.Verdicts : null,
            withFeedback ? t.Evidence : null,
            withFeedback ? t.Feedback : null,
            expecting,
            t.Joined);
    }

    public static EndedMessage Ended(string groupId, Outcome outcome) =>
        new(groupId, outcome.Id, outcome.Success, outcome.Title, outcome.Debrief, outcome.Questions);

    /// <summary>The principles as the rubric names them, in the order verdicts are reported.</summary>
    public static IReadOnlyList<PrincipleInfo> Principles(Rubric rubric) =>
        [.. rubric.Principles.Select(p => new PrincipleInfo(p.Id, p.Name, p.ShortName))];

    /// <summary>The scenario's mood bands as it names them.</summary>
    public static IReadOnlyList<MoodBandInfo> MoodBands(Scenario scenario) =>
        [.. scenario.Mood.Bands.Select(b => new MoodBandInfo(b.Id, b.Name))];
}
