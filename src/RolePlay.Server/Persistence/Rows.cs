using RolePlay.Contracts;

namespace RolePlay.Server.Persistence;

/// <summary>A class session: one scenario launched for N groups.</summary>
public sealed class SessionRow
{
    public required string Id { get; set; }
    public required string ScenarioId { get; set; }
    public required string JoinCode { get; set; }
    public int Seed { get; set; }
    public SessionState State { get; set; }
    public bool BotsForEmptyRoles { get; set; }
    public bool LiveFeedback { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One group playing the scenario.</summary>
public sealed class GroupRow
{
    public required string Id { get; set; }
    public required string SessionId { get; set; }
    public required string Name { get; set; }
    public int Number { get; set; }

    /// <summary>When play opened; turn times count from here, so they survive a restart.</summary>
    public DateTime? StartedUtc { get; set; }
}

/// <summary>A seat taken by a participant; the token is the participant's only credential.</summary>
public sealed class SeatRow
{
    public required string Token { get; set; }
    public required string GroupId { get; set; }
    public required string Role { get; set; }
    public required string Name { get; set; }
    public DateTime JoinedUtc { get; set; }
}

/// <summary>One accepted turn of a group's log: the truth a group's state is replayed from.</summary>
public sealed class TurnRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public int Seq { get; set; }
    public int Kind { get; set; }
    public required string Role { get; set; }
    public string? Text { get; set; }
    public string? ActionId { get; set; }
    public string? EventId { get; set; }
    public long AtMs { get; set; }
    public bool IsBot { get; set; }
}

/// <summary>An instructor's override of one verdict, with a note for the debrief.</summary>
public sealed class OverrideRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public int Seq { get; set; }
    public required string Principle { get; set; }
    public int Verdict { get; set; }
    public string Note { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A scenario file an instructor uploaded, kept so the library has it after a restart.</summary>
public sealed class ScenarioUploadRow
{
    public required string ScenarioId { get; set; }
    public required string FileName { get; set; }
    public required string Text { get; set; }
    public DateTime UploadedUtc { get; set; }
}
