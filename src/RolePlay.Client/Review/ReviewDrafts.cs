namespace RolePlay.Client.Review;

/// <summary>An instructor's override as the review form collects it.</summary>
public sealed record OverrideDraft(int Seq, string Principle, int Verdict, string Note);

/// <summary>An instructor's comment on the group (<c>Seq</c> null) or on one turn.</summary>
public sealed record CommentDraft(int? Seq, string Text);
