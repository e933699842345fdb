using RolePlay.Contracts;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RolePlay.Core.Transcripts;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Api;

/// <summary>A group's scored transcript as JSON, Markdown and CSV (instructor only).</summary>
internal static class TranscriptEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/groups/{groupId}/transcript", async (string groupId, SessionService sessions, FeedbackService feedback) =>
        {
            var (doc, _) = await TranscriptOf(sessions, groupId);
            return Results.Text(Json(doc, await feedback.OverridesAsync(groupId)), "application/json; charset=utf-8");
        });
        api.MapGet("/groups/{groupId}/transcript.md", async (string groupId, SessionService sessions) =>
        {
            var (doc, group) = await TranscriptOf(sessions, groupId);
            return Results.Text(TranscriptMarkdown.Render(doc, group.Session.Scenario), "text/markdown; charset=utf-8");
        });
        api.MapGet("/groups/{groupId}/transcript.csv", async (string groupId, SessionService sessions) =>
            Results.Text(Csv((await TranscriptOf(sessions, groupId)).Doc), "text/csv; charset=utf-8"));
    }

    private static async Task<(TranscriptDocument Doc, GroupRuntime Group)> TranscriptOf(SessionService sessions, string groupId)
    {
        var group = sessions.FindGroup(groupId) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroup(groupId));
        return (await group.ReadAsync(state => state.Transcript()), group);
    }

    /// <summary>The replay document's shape, plus the instructor's overrides.</summary>
    private static string Json(TranscriptDocument doc, IReadOnlyList<OverrideView> overrides)
    {
        var node = JsonSerializer.SerializeToNode(doc, TranscriptJson.Compact)!.AsObject();
        node["overrides"] = JsonSerializer.SerializeToNode(overrides, TranscriptJson.Compact);
        return node.ToJsonString(TranscriptJson.Compact);
    }

    private static string Csv(TranscriptDocument doc)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new SafeCsvWriter(writer);
        string[] header = ["seq", "stage", "role", "kind", "bot", "atMs", "latencyMs", "mood", "text", .. Core.Scoring.Principles.Ids];
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var t in doc.Turns)
        {
            csv.WriteField(t.Seq);
            csv.WriteField(t.Stage);
            csv.WriteField(t.Role);
            csv.WriteField(TranscriptJson.NameOf(t.Kind));
            csv.WriteField(t.Bot);
            csv.WriteField(t.AtMs);
            csv.WriteField(t.LatencyMs);
            csv.WriteField(t.Mood);
            csv.WriteField(t.Text ?? t.Action ?? t.Event);
            foreach (var p in Core.Scoring.Principles.Ids)
            {
                csv.WriteField(t.Verdicts is null ? string.Empty : t.Verdicts[p].ToString(CultureInfo.InvariantCulture));
            }

            csv.NextRecord();
        }

        csv.Flush();
        return writer.ToString();
    }
}
