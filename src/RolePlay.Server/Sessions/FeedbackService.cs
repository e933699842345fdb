using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Core.Scoring;
using RolePlay.Server.Persistence;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Sessions;

/// <summary>
/// People's judgements beside the engine's: instructor comments, observers' turn ratings, the customer player's
/// satisfaction and everyone's reflections. Each is checked (refusals change nothing) and stored; a seat's second
/// rating or reflection replaces its first.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<RolePlayDb> dbFactory)
{
    /// <summary>The longest comment, and the longest satisfaction comment.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>The longest answer to one reflection question.</summary>
    public const int MaxAnswerLength = 4000;

    // Replacing is read-then-write; one writer at a time keeps a seat from getting two rows.
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Stores an instructor's comment on <paramref name="group"/>, or on its turn <paramref name="seq"/>.</summary>
    public async Task<CommentView> AddCommentAsync(GroupRuntime group, int? seq, string? text)
    {
        ArgumentNullException.ThrowIfNull(group);
        text = text?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxCommentLength)
        {
            throw new Refusal(text.Length == 0 ? RefusalCode.EmptyText : RefusalCode.TooLong, ServerText.CommentLength(MaxCommentLength, text.Length));
        }

        if (seq is { } s && await FindTurnAsync(group, s).ConfigureAwait(false) is null)
        {
            throw new Refusal(RefusalCode.TurnUnknown, ServerText.NoTurnToComment(group.Name, s));
        }

        var row = new CommentRow { GroupId = group.Id, Seq = seq, Text = text, CreatedUtc = DateTime.UtcNow };
        await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
        db.Comments.Add(row);
        await db.SaveChangesAsync().ConfigureAwait(false);
        return new CommentView(row.Id, row.Seq, row.Text, row.CreatedUtc);
    }

    /// <summary>Stores an observer's rating of one staff turn, replacing that seat's earlier rating of it.</summary>
    public async Task RateTurnAsync(GroupRuntime group, Seat seat, int seq, IReadOnlyDictionary<string, int>? verdicts)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.Role != RoleIds.Observer)
        {
            throw new Refusal(RefusalCode.NotYourRole, ServerText.OnlyObserversRate(seat.Role, ServerText.RoleName(group.Session.Scenario, seat.Role)));
        }

        var turn = await FindTurnAsync(group, seq).ConfigureAwait(false)
            ?? throw new Refusal(RefusalCode.TurnUnknown, ServerText.NoTurnYet(seq, group.Name));
        if (turn.Kind is not (TurnKind.Say or TurnKind.Act) || group.Session.Scenario.FindRole(turn.Role) is not { IsCustomer: false })
        {
            throw new Refusal(RefusalCode.NotAStaffTurn, ServerText.NotAStaffTurn(seq));
        }

        if (verdicts is null || verdicts.Count == 0)
        {
            throw new Refusal(RefusalCode.NothingRated, ServerText.RateSomething);
        }

        if (verdicts.Keys.FirstOrDefault(k => Principles.IndexOf(k) < 0) is { } unknown)
        {
            throw new Refusal(RefusalCode.PrincipleUnknown, ServerText.NotAPrinciple(unknown, Principles.Ids));
        }

        if (verdicts.FirstOrDefault(v => v.Value is < -1 or > 1) is { Key: not null } bad)
        {
            throw new Refusal(RefusalCode.OutOfRange, ServerText.RatingRange(bad.Key, bad.Value));
        }

        var json = JsonSerializer.Serialize(Principles.Ids.Where(verdicts.ContainsKey).ToDictionary(p => p, p => verdicts[p]));
        await ReplaceAsync(
            db => db.TurnRatings.FirstOrDefaultAsync(r => r.GroupId == group.Id && r.Seq == seq && r.SeatToken == seat.Token),
            at => new TurnRatingRow { GroupId = group.Id, Seq = seq, SeatToken = seat.Token, RaterName = seat.Name, VerdictsJson = json, CreatedUtc = at },
            (row, at) => (row.VerdictsJson, row.CreatedUtc) = (json, at)).ConfigureAwait(false);
    }

    /// <summary>Stores the customer player's satisfaction once the scene has ended, replacing their earlier rating.</summary>
    public async Task RateSatisfactionAsync(GroupRuntime group, Seat seat, SatisfactionRating? rating)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.Role != group.Session.Scenario.Customer.Id)
        {
            throw new Refusal(RefusalCode.NotYourRole, ServerText.OnlyCustomerRatesSatisfaction);
        }

        await RequireEndedAsync(group, ServerText.RateAfterEnd).ConfigureAwait(false);
        if (rating?.Items is not { Count: > 0 } items)
        {
            throw new Refusal(RefusalCode.NothingRated, ServerText.RateSomeItem(SatisfactionItems.Ids));
        }

        if (items.Keys.FirstOrDefault(k => !SatisfactionItems.Ids.Contains(k)) is { } unknown)
        {
            throw new Refusal(RefusalCode.SatisfactionItemUnknown, ServerText.NotASatisfactionItem(unknown, SatisfactionItems.Ids));
        }

        if (items.FirstOrDefault(i => i.Value is < 1 or > 5) is { Key: not null } bad)
        {
            throw new Refusal(RefusalCode.OutOfRange, ServerText.SatisfactionRange(bad.Key, bad.Value));
        }

        var comment = string.IsNullOrWhiteSpace(rating.Comment) ? null : rating.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            throw new Refusal(RefusalCode.TooLong, ServerText.CommentTooLong(comment.Length, MaxCommentLength));
        }

        var json = JsonSerializer.Serialize(SatisfactionItems.Ids.Where(items.ContainsKey).ToDictionary(i => i, i => items[i]));
        await ReplaceAsync(
            db => db.Satisfaction.FirstOrDefaultAsync(r => r.GroupId == group.Id && r.SeatToken == seat.Token),
            at => new SatisfactionRow { GroupId = group.Id, SeatToken = seat.Token, RaterName = seat.Name, ItemsJson = json, Comment = comment, CreatedUtc = at },
            (row, at) => (row.ItemsJson, row.Comment, row.CreatedUtc) = (json, comment, at)).ConfigureAwait(false);
    }

    /// <summary>Stores a seat's answers to the outcome's reflection questions once the scene has ended, replacing earlier answers.</summary>
    public async Task SubmitReflectionAsync(GroupRuntime group, Seat seat, IReadOnlyList<string?>? answers)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(seat);
        var outcome = await RequireEndedAsync(group, ServerText.ReflectAfterEnd).ConfigureAwait(false);
        if (answers is null)
        {
            throw new Refusal(RefusalCode.NothingRated, ServerText.SendAnswers);
        }

        if (answers.Count > outcome.Questions.Count)
        {
            throw new Refusal(RefusalCode.TooManyAnswers, ServerText.TooManyAnswers(outcome.Questions.Count, answers.Count));
        }

        var cleaned = answers.Select(a => a?.Trim() ?? string.Empty).ToList();
        if (cleaned.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Length > MaxAnswerLength) is { a: not null } longOne)
        {
            throw new Refusal(RefusalCode.TooLong, ServerText.AnswerTooLong(longOne.i + 1, longOne.a.Length, MaxAnswerLength));
        }

        var json = JsonSerializer.Serialize(cleaned);
        await ReplaceAsync(
            db => db.Reflections.FirstOrDefaultAsync(r => r.GroupId == group.Id && r.SeatToken == seat.Token),
            at => new ReflectionRow { GroupId = group.Id, SeatToken = seat.Token, Role = seat.Role, Name = seat.Name, AnswersJson = json, CreatedUtc = at },
            (row, at) => (row.AnswersJson, row.Role, row.CreatedUtc) = (json, seat.Role, at)).ConfigureAwait(false);
    }

    /// <summary>Everything people said about a group, oldest first.</summary>
    public async Task<GroupFeedback> ForGroupAsync(string groupId)
    {
        await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
        var comments = await db.Comments.AsNoTracking().Where(c => c.GroupId == groupId).OrderBy(c => c.Id).ToListAsync().ConfigureAwait(false);
        var ratings = await db.TurnRatings.AsNoTracking().Where(r => r.GroupId == groupId).OrderBy(r => r.Seq).ThenBy(r => r.Id).ToListAsync().ConfigureAwait(false);
        var satisfaction = await db.Satisfaction.AsNoTracking().Where(r => r.GroupId == groupId).OrderBy(r => r.Id).ToListAsync().ConfigureAwait(false);
        var reflections = await db.Reflections.AsNoTracking().Where(r => r.GroupId == groupId).OrderBy(r => r.Id).ToListAsync().ConfigureAwait(false);
        return new GroupFeedback(
            [.. comments.Select(c => new CommentView(c.Id, c.Seq, c.Text, c.CreatedUtc))],
            [.. ratings.Select(r => new TurnRatingView(r.Seq, r.RaterName, Map(r.VerdictsJson)))],
            [.. satisfaction.Select(r => new SatisfactionView(r.RaterName, Map(r.ItemsJson), r.Comment))],
            [.. reflections.Select(r => new ReflectionView(r.Role, r.Name, JsonSerializer.Deserialize<List<string>>(r.AnswersJson) ?? []))]);
    }

    private static Dictionary<string, int> Map(string json) => JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];

    private static Task<Turn?> FindTurnAsync(GroupRuntime group, int seq) =>
        group.ReadAsync(s => s.Turns.FirstOrDefault(t => t.Seq == seq));

    private static async Task<Core.Scenarios.Outcome> RequireEndedAsync(GroupRuntime group, Core.Localization.LocalizedText refusal)
    {
        var outcome = await group.ReadAsync(s => s.Outcome);
        return outcome ?? throw new Refusal(RefusalCode.SceneNotOver, refusal);
    }

    /// <summary>Updates the row <paramref name="find"/> finds, or adds the one <paramref name="create"/> makes; both get the time now.</summary>
    private async Task ReplaceAsync<T>(Func<RolePlayDb, Task<T?>> find, Func<DateTime, T> create, Action<T, DateTime> update)
        where T : class
    {
        await _writes.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
            var now = DateTime.UtcNow;
            if (await find(db).ConfigureAwait(false) is { } existing)
            {
                update(existing, now);
            }
            else
            {
                db.Add(create(now));
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Records an instructor's override of one verdict.</summary>
    public async Task OverrideAsync(GroupRuntime group, int seq, string principle, int verdict, string note)
    {
        ArgumentNullException.ThrowIfNull(group);
        var turn = await group.ReadAsync(s => s.Turns.FirstOrDefault(t => t.Seq == seq));
        if (turn?.Score is null)
        {
            throw new Refusal(RefusalCode.NotAScoredTurn, ServerText.NotAScoredTurn(seq));
        }

        if (Core.Scoring.Principles.IndexOf(principle) < 0 || verdict is < -1 or > 1)
        {
            throw new Refusal(RefusalCode.BadOverride, ServerText.BadOverride);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        db.Overrides.Add(new OverrideRow { GroupId = group.Id, Seq = seq, Principle = principle, Verdict = verdict, Note = note ?? string.Empty, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>The overrides of a group, oldest first.</summary>
    public async Task<List<OverrideView>> OverridesAsync(string groupId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Overrides.AsNoTracking().Where(o => o.GroupId == groupId).OrderBy(o => o.Id)
            .Select(o => new OverrideView(o.Seq, o.Principle, o.Verdict, o.Note, o.CreatedUtc)).ToListAsync();
    }
}

/// <summary>What people said about one group: comments, observers' ratings, satisfaction and reflections.</summary>
public sealed record GroupFeedback(
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<TurnRatingView> Ratings,
    IReadOnlyList<SatisfactionView> Satisfaction,
    IReadOnlyList<ReflectionView> Reflections);
