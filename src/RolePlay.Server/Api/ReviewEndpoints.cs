using RolePlay.Contracts;
using RolePlay.Core.Transcripts;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Api;

/// <summary>One group's review: the scored transcript with the debrief, the instructor's notes and people's ratings (instructor only).</summary>
internal static class ReviewEndpoints
{
    public static void Map(RouteGroupBuilder instructor) =>
        instructor.MapGet("/groups/{groupId}/review", async (string groupId, SessionService sessions, FeedbackService feedback, ScenarioLibrary library) =>
        {
            var group = sessions.FindGroup(groupId) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroupListed(groupId));

            var scenario = group.Session.Scenario;
            var (transcript, outcome) = await group.ReadAsync(state =>
                (state.Transcript(), state.Outcome ?? scenario.FindOutcome(scenario.UnfinishedOutcome)!));
            var overrides = await feedback.OverridesAsync(groupId).ConfigureAwait(false);
            var people = await feedback.ForGroupAsync(groupId).ConfigureAwait(false);
            return new GroupReview(
                group.Session.Row.Id,
                group.Id,
                group.Name,
                scenario.Locale,
                ApiEndpoints.RoleSummaries(scenario),
                outcome.Questions,
                outcome.Debrief,
                transcript,
                overrides,
                people.Comments,
                people.Ratings,
                people.Satisfaction,
                people.Reflections,
                Hubs.Messages.Principles(library.Rubric));
        });
}
