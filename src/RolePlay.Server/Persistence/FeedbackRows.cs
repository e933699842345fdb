namespace RolePlay.Server.Persistence;

/// <summary>An instructor's comment on a group, or on one of its turns when <see cref="Seq"/> is set.</summary>
public sealed class CommentRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public int? Seq { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>An observer's rating of one staff turn; one per seat and turn (a new rating replaces it).</summary>
public sealed class TurnRatingRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public int Seq { get; set; }
    public required string SeatToken { get; set; }
    public required string RaterName { get; set; }

    /// <summary>Principle id → −1, 0 or +1, as JSON.</summary>
    public required string VerdictsJson { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The customer player's satisfaction rating of a group's scene; one per seat (a new rating replaces it).</summary>
public sealed class SatisfactionRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public required string SeatToken { get; set; }
    public required string RaterName { get; set; }

    /// <summary>Satisfaction item id → 1 to 5, as JSON.</summary>
    public required string ItemsJson { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A player's answers to the outcome's reflection questions; one per seat and group (new answers replace them).</summary>
public sealed class ReflectionRow
{
    public long Id { get; set; }
    public required string GroupId { get; set; }
    public required string SeatToken { get; set; }
    public required string Role { get; set; }
    public required string Name { get; set; }

    /// <summary>The answers in question order, as a JSON array.</summary>
    public required string AnswersJson { get; set; }
    public DateTime CreatedUtc { get; set; }
}
