namespace RolePlay.Core.Scoring.Corpus;

/// <summary>
/// How well one set of verdicts (a scorer's, or a second labeller's) agrees with another on one principle:
/// a 3 × 3 confusion table of −1 / 0 / +1, with agreement, Cohen's κ and precision and recall per verdict.
/// </summary>
public sealed class Agreement
{
    /// <summary>Below this many pairs κ says little; the review shows agreement without it.</summary>
    public const int MinPairsForKappa = 10;

    private readonly int[,] _counts = new int[3, 3];

    /// <summary>How many pairs were added.</summary>
    public int Total { get; private set; }

    /// <summary>Adds one pair: the reference verdict and the one compared with it.</summary>
    public void Add(int expected, int actual)
    {
        _counts[expected + 1, actual + 1]++;
        Total++;
    }

    /// <summary>Adds every pair of <paramref name="other"/>.</summary>
    public void AddAll(Agreement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var e = 0; e < 3; e++)
        {
            for (var a = 0; a < 3; a++)
            {
                _counts[e, a] += other._counts[e, a];
            }
        }

        Total += other.Total;
    }

    /// <summary>How many pairs had reference <paramref name="expected"/> and compared verdict <paramref name="actual"/>.</summary>
    public int Count(int expected, int actual) => _counts[expected + 1, actual + 1];

    /// <summary>The share of pairs that agree.</summary>
    public double Observed => Total == 0 ? 0 : Diagonal() / (double)Total;

    /// <summary>Cohen's κ: agreement beyond what the two sides' verdict frequencies give by chance (1 when chance explains everything and both agree fully).</summary>
    public double Kappa
    {
        get
        {
            if (Total == 0)
            {
                return 0;
            }

            var chance = 0.0;
            for (var v = 0; v < 3; v++)
            {
                chance += Row(v) / (double)Total * (Column(v) / (double)Total);
            }

            return chance >= 1 ? 1 : (Observed - chance) / (1 - chance);
        }
    }

    /// <summary>κ when there are at least <see cref="MinPairsForKappa"/> pairs, else null.</summary>
    public double? KappaIfMeaningful => Total < MinPairsForKappa ? null : Kappa;

    /// <summary>Of the pairs the compared side gave <paramref name="verdict"/>, the share the reference agrees with (NaN when it never gave it).</summary>
    public double Precision(int verdict) => Column(verdict + 1) == 0 ? double.NaN : _counts[verdict + 1, verdict + 1] / (double)Column(verdict + 1);

    /// <summary>Of the pairs the reference gave <paramref name="verdict"/>, the share the compared side found (NaN when the reference never gave it).</summary>
    public double Recall(int verdict) => Row(verdict + 1) == 0 ? double.NaN : _counts[verdict + 1, verdict + 1] / (double)Row(verdict + 1);

    /// <summary>How many pairs the reference gave <paramref name="verdict"/>.</summary>
    public int Support(int verdict) => Row(verdict + 1);

    private int Diagonal() => _counts[0, 0] + _counts[1, 1] + _counts[2, 2];

    private int Row(int e) => _counts[e, 0] + _counts[e, 1] + _counts[e, 2];

    private int Column(int a) => _counts[0, a] + _counts[1, a] + _counts[2, a];
}
