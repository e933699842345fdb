using System.Text;
using System.Text.Json;
using RolePlay.Contracts;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Transcripts;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Api;

/// <summary>
/// How people in the room judged the engine (instructor only): GET /api/sessions/{id}/agreement, observers'
/// agreement with the engine per principle over a session; GET /api/calibration/lines, every staff turn that people
/// judged — an instructor's override or an observer's rating — as a labelled corpus line (JSON lines), for
/// <c>roleplay export-ratings</c>.
/// </summary>
internal static class CalibrationEndpoints
{
    public static void Map(RouteGroupBuilder instructor)
    {
        instructor.MapGet("/sessions/{sessionId}/agreement", async (string sessionId, SessionService sessions, FeedbackService feedback, ScenarioLibrary library) =>
        {
            var session = sessions.FindSession(sessionId)
                ?? throw new Localization.Refusal(RefusalCode.SessionUnknown, Localization.ServerText.NoSession(sessionId));

            var agreements = Principles.Ids.Select(_ => new Agreement()).ToArray();
            foreach (var group in session.Groups)
            {
                var turns = await group.ReadAsync(state => state.Transcript().Turns);
                var engine = turns.Where(t => t.Verdicts is not null).ToDictionary(t => t.Seq, t => t.Verdicts!);
                foreach (var rating in (await feedback.ForGroupAsync(group.Id).ConfigureAwait(false)).Ratings)
                {
                    if (!engine.TryGetValue(rating.Seq, out var verdicts))
                    {
                        continue;
                    }

                    for (var p = 0; p < agreements.Length; p++)
                    {
                        if (rating.Verdicts.TryGetValue(Principles.Ids[p], out var said))
                        {
                            agreements[p].Add(Math.Sign(said), Math.Sign(verdicts.GetValueOrDefault(Principles.Ids[p])));
                        }
                    }
                }
            }

            PrincipleRubric? Named(string id) => library.Rubric.Principles.FirstOrDefault(r => r.Id == id);
            return Principles.Ids.Select((id, p) => new PrincipleAgreementView(
                id,
                agreements[p].Total,
                agreements[p].Total == 0 ? null : agreements[p].Observed,
                agreements[p].KappaIfMeaningful,
                Named(id)?.Name,
                Named(id)?.ShortName)).ToList();
        });

        instructor.MapGet("/calibration/lines", async (SessionService sessions, FeedbackService feedback) =>
        {
            var output = new StringBuilder();
            foreach (var group in sessions.Groups.OrderBy(g => g.Id, StringComparer.Ordinal))
            {
                var scenario = group.Session.Scenario;
                var turns = await group.ReadAsync(state => state.Transcript().Turns);
                var overrides = (await feedback.OverridesAsync(group.Id).ConfigureAwait(false))
                    .GroupBy(o => o.Seq)
                    .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(o => o.Principle).ToDictionary(p => p.Key, p => p.Last().Verdict, StringComparer.Ordinal));
                var ratings = (await feedback.ForGroupAsync(group.Id).ConfigureAwait(false)).Ratings
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
                        id = $"class.{group.Id}.{turn.Seq}",
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
}
