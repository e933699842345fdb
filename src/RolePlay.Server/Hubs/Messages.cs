using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Transcripts;

namespace RolePlay.Server.Hubs;

/// <summary>Builds hub messages from engine types.</summary>
internal static class Messages
{
    public static TurnMessage Turn(string groupId, Turn turn, bool withFeedback, Side? expecting = null) =>
        TurnMessage.From(groupId, TranscriptTurn.From(turn), withFeedback, expecting);

    public static EndedMessage Ended(string groupId, Outcome outcome) =>
        new(groupId, outcome.Id, outcome.Success, outcome.Title, outcome.Debrief, outcome.Questions);
}
