using System.Text;
using System.Text.Json;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Transcripts;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Api;

/// <summary>
/// GET /api/calibration/lines (instructor only): every staff turn that people in a class judged — an instructor's
/// override or an observer's rating — as a labelled corpus line (JSON lines), for <c>roleplay export-ratings</c>.
/// </summary>
internal static class CalibrationEndpoints
{
    public static void Map(RouteGroupBuilder instructor) =>
        instructor.MapGet("/calibration/lines", async (SessionService sessions, FeedbackService feedback) =>
        {
            var output = new StringBuilder();
            foreach (var group in sessions.Groups.OrderBy(g => g.Row.Id, StringComparer.Ordinal))
            {
                var scenario = group.Session.Scenario;
                var turns = await group.WithGateAsync(() => TranscriptDocument.From(group.Play).Turns).ConfigureAwait(false);
                var overrides = (await sessions.OverridesAsync(group.Row.Id).ConfigureAwait(false))
                    .GroupBy(o => o.Seq)
                    .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(o => o.Principle).ToDictionary(p => p.Key, p => p.Last().Verdict, StringComparer.Ordinal));
                var ratings = (await feedback.ForGroupAsync(group.Row.Id).ConfigureAwait(false)).Ratings
                    .GroupBy(r => r.Seq)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<IReadOnlyDictionary<string, int>>)g.Select(r => r.Verdicts).ToList());
                foreach (var turn in turns.Where(t => t.Verdicts is not null && !t.Bot && !string.IsNullOrWhiteSpace(t.Text)))
                {
                    var verdicts = ClassLabels.Decide(
                        turn.Verdicts!,
                        overrides.GetValueOrDefault(turn.Seq) ?? new Dictionary<string, int>(),
                        ratings.GetValueOrDefault(turn.Seq) ?? []);
                    if (verdicts is null)
                    {
                        continue;
                    }

                    output.AppendLine(JsonSerializer.Serialize(new
                    {
                        id = $"class.{group.Row.Id}.{turn.Seq}",
                        scenario = ClassLabels.ScenarioOf(scenario.Id),
                        script = ClassLabels.ScriptOf(turn.Text!, scenario.IsChinese),
                        role = turn.Role,
                        stage = turn.Stage,
                        text = turn.Text,
                        verdicts = Principles.Ids.Select((id, p) => (id, p)).ToDictionary(x => x.id, x => verdicts[x.p]),
                        source = "class",
                        basis = overrides.ContainsKey(turn.Seq) ? "override" : "observers",
                        session = group.Session.Row.Id,
                    }));
                }
            }

            return Results.Text(output.ToString(), "application/x-ndjson; charset=utf-8");
        });
}
