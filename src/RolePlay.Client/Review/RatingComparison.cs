using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Review;

/// <summary>One principle's engine total beside the observers' total over the same turns.</summary>
/// <param name="EngineTotal">The engine's verdicts summed over every staff turn.</param>
/// <param name="EngineOnRated">The engine's verdicts summed over the ratings observers gave (one per rater and turn), the fair comparison for <paramref name="ObserverTotal"/>.</param>
/// <param name="ObserverTotal">The observers' verdicts summed over every rating they gave.</param>
/// <param name="Ratings">How many (rater, turn) ratings there are.</param>
/// <param name="TurnsDiffering">How many turns at least one observer judged differently from the engine.</param>
/// <param name="Agreement">The share of ratings that gave the engine's verdict; null without ratings.</param>
/// <param name="Kappa">Cohen's κ between observers and engine; null below <see cref="Agreement.MinPairsForKappa"/> ratings, where it means little.</param>
public sealed record PrincipleComparison(string Principle, int EngineTotal, int EngineOnRated, int ObserverTotal, int Ratings, int TurnsDiffering, double? Agreement = null, double? Kappa = null);

/// <summary>An observer's verdict on one principle of one turn, and whether the engine saw it otherwise.</summary>
public sealed record ObserverVerdict(string Rater, int Verdict, bool Differs);

/// <summary>Sets people's ratings beside the engine's: per principle over the group, and per turn and principle.</summary>
public static class RatingComparison
{
    /// <summary>Per principle (in <paramref name="principles"/> order), the engine's and the observers' totals.</summary>
    public static IReadOnlyList<PrincipleComparison> Compare(TranscriptDocument transcript, IReadOnlyList<TurnRatingView> ratings, IReadOnlyList<string> principles)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(principles);
        var scored = ScoredTurns(transcript);
        var result = new List<PrincipleComparison>(principles.Count);
        foreach (var p in principles)
        {
            var engineTotal = scored.Values.Sum(t => VerdictOf(t, p));
            int onRated = 0, observed = 0, count = 0;
            var differing = new HashSet<int>();
            var agreement = new Agreement();
            foreach (var r in ratings)
            {
                if (!scored.TryGetValue(r.Seq, out var turn) || r.Verdicts is null || !r.Verdicts.TryGetValue(p, out var v))
                {
                    continue;
                }

                var engine = VerdictOf(turn, p);
                onRated += engine;
                observed += Math.Sign(v);
                count++;
                agreement.Add(Math.Sign(v), engine);
                if (Math.Sign(v) != engine)
                {
                    differing.Add(r.Seq);
                }
            }

            result.Add(new PrincipleComparison(
                p, engineTotal, onRated, observed, count, differing.Count,
                count == 0 ? null : agreement.Observed,
                agreement.KappaIfMeaningful));
        }

        return result;
    }

    /// <summary>Every observer's verdict on <paramref name="principle"/> for <paramref name="turn"/>, marked where it differs from the engine.</summary>
    public static IReadOnlyList<ObserverVerdict> ForTurn(TranscriptTurn turn, string principle, IReadOnlyList<TurnRatingView> ratings)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ratings);
        if (turn.Verdicts is null)
        {
            return [];
        }

        var engine = VerdictOf(turn, principle);
        return
        [
            .. ratings
                .Where(r => r.Seq == turn.Seq && r.Verdicts is not null && r.Verdicts.ContainsKey(principle))
                .Select(r => new ObserverVerdict(r.Rater, Math.Sign(r.Verdicts[principle]), Math.Sign(r.Verdicts[principle]) != engine)),
        ];
    }

    /// <summary>The engine's verdict on a principle for a turn (0 when the turn was not scored on it).</summary>
    public static int VerdictOf(TranscriptTurn turn, string principle)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Verdicts is not null && turn.Verdicts.TryGetValue(principle, out var v) ? Math.Sign(v) : 0;
    }

    private static Dictionary<int, TranscriptTurn> ScoredTurns(TranscriptDocument transcript)
    {
        var scored = new Dictionary<int, TranscriptTurn>();
        foreach (var t in transcript.Turns)
        {
            if (t.Verdicts is not null)
            {
                scored[t.Seq] = t;
            }
        }

        return scored;
    }
}
