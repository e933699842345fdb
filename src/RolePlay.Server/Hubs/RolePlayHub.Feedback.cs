using RolePlay.Contracts;
using RolePlay.Server.Auth;

namespace RolePlay.Server.Hubs;

/// <summary>People's judgements: instructor comments, observers' turn ratings, satisfaction and reflections.</summary>
public sealed partial class RolePlayHub
{
    /// <summary>Instructor: comments on a group, or on one of its turns when <paramref name="seq"/> is given.</summary>
    [InstructorOnly]
    public async Task<CommentView> AddComment(string groupId, int? seq, string text) =>
        await feedback.AddCommentAsync(await InstructorGroupAsync(groupId), seq, text);

    /// <summary>Observer seats: rates one staff turn on the five principles (−1, 0, +1); a second rating replaces the first.</summary>
    public async Task RateTurn(int seq, IReadOnlyDictionary<string, int> verdicts)
    {
        var (group, seat) = await CurrentSeatAsync();
        await feedback.RateTurnAsync(group, seat, seq, verdicts);
    }

    /// <summary>The customer's seat, after the scene has ended: rates satisfaction (1–5 per item); a second rating replaces the first.</summary>
    public async Task RateSatisfaction(SatisfactionRating rating)
    {
        var (group, seat) = await CurrentSeatAsync();
        await feedback.RateSatisfactionAsync(group, seat, rating);
    }

    /// <summary>Any seat, after the scene has ended: answers the reflection questions; new answers replace earlier ones.</summary>
    public async Task SubmitReflection(IReadOnlyList<string> answers)
    {
        var (group, seat) = await CurrentSeatAsync();
        await feedback.SubmitReflectionAsync(group, seat, answers);
    }
}
