using RolePlay.Client.Review;
using static RolePlay.Client.Tests.Review.ReviewSamples;

namespace RolePlay.Client.Tests.Review;

public class RatingComparisonTests
{
    [Fact]
    public void Observers_totals_sit_beside_the_engines_over_the_same_turns_with_the_turns_that_differ()
    {
        var doc = Transcript();
        TurnRatingView[] ratings =
        [
            new(2, "小王", Verdicts(cf: -1, ps: -1)),      // agrees on customer-first; prompt-sincere −1 vs the engine's 0
            new(4, "小王", Verdicts(cf: 1, off: 1, affirm: 1)), // affirm +1 vs 0; prompt-sincere 0 vs the engine's +1
            new(4, "小刘", Verdicts(cf: -1, off: 1)),       // differs on customer-first
            new(1, "小王", Verdicts(cf: 1)),                // a customer turn: not scored, ignored
        ];

        var rows = RatingComparison.Compare(doc, ratings, P).ToDictionary(r => r.Principle);

        Assert.Equal(new PrincipleComparison("customer-first", 0, 1, -1, 3, 1), rows["customer-first"] with { Agreement = null });
        Assert.Equal(new PrincipleComparison("prompt-sincere", 1, 2, -1, 3, 2), rows["prompt-sincere"] with { Agreement = null });
        Assert.Equal(new PrincipleComparison("off-scene", 2, 2, 2, 3, 0), rows["off-scene"] with { Agreement = null });
        Assert.Equal(1, rows["affirm"].TurnsDiffering);
        Assert.Equal(2 / 3.0, rows["customer-first"].Agreement!.Value, 6);
        Assert.Equal(1.0, rows["off-scene"].Agreement!.Value, 6);
        Assert.Null(rows["customer-first"].Kappa);
    }

    [Fact]
    public void With_ten_ratings_or_more_kappa_shows_agreement_beyond_chance()
    {
        var doc = Transcript();

        // Ten observers rate turn 2, whose engine verdict on customer-first is −1; eight agree, two say +1.
        var ratings = Enumerable.Range(0, 10).Select(i => new TurnRatingView(2, $"observer {i}", Verdicts(cf: i < 8 ? -1 : 1))).ToArray();

        var row = RatingComparison.Compare(doc, ratings, P).Single(r => r.Principle == "customer-first");

        Assert.Equal(0.8, row.Agreement!.Value, 6);
        // The engine gave one verdict throughout, so chance agreement equals observed agreement: κ is 0.
        Assert.Equal(0.0, row.Kappa!.Value, 6);
    }

    [Fact]
    public void Per_turn_each_observer_is_marked_where_they_differ_from_the_engine()
    {
        TurnRatingView[] ratings = [new(2, "小王", Verdicts(cf: -1)), new(2, "小刘", Verdicts(cf: 1))];

        var observers = RatingComparison.ForTurn(ClerkTurn(), "customer-first", ratings);

        Assert.Equal([new ObserverVerdict("小王", -1, false), new ObserverVerdict("小刘", 1, true)], observers);
    }
}
