using RolePlay.Core.Scoring.Corpus;

namespace RolePlay.Cli.Training;

/// <summary>
/// A small network over the same sparse features as the linear model: scores = Wide·x + Out·relu(In·x + b₁) + b,
/// one softmax of three verdicts per principle, all principles trained together (a line that blames the customer
/// tends to break several at once, and the hidden units can share that). ML.NET has no trainer for a network
/// over sparse inputs, so this is written out: Adagrad, one line at a time, dropout on the hidden units, a fixed
/// seed and one thread, so the same corpus always gives the same weights.
/// </summary>
internal sealed class NetworkTrainer
{
    private const int ClassCount = 3;
    private const float LearningRate = 0.1f;
    private const float L2 = 1e-5f;
    private const float Dropout = 0.3f;
    private const int Epochs = 10;
    private const int Seed = 7;

    private readonly int _features;
    private readonly int _units;
    private readonly int _width;
    private readonly Random _random = new(Seed);

    private NetworkTrainer(int features, int units, int width)
    {
        (_features, _units, _width) = (features, units, width);
        Input = Uniform(features * units, 0.05f);
        HiddenBiases = new float[units];
        Output = Uniform(units * width, (float)Math.Sqrt(2.0 / units) * 0.5f);
        Wide = new float[features * width];
        Biases = new float[width];
    }

    /// <summary>Per feature, one weight per hidden unit.</summary>
    public float[] Input { get; }

    public float[] HiddenBiases { get; }

    /// <summary>Per hidden unit, one weight per principle and class.</summary>
    public float[] Output { get; }

    /// <summary>Per feature, one weight per principle and class: the linear part of the network.</summary>
    public float[] Wide { get; }

    public float[] Biases { get; }

    /// <summary>
    /// Trains a network with <paramref name="units"/> hidden units on the lines <paramref name="subset"/> names.
    /// <paramref name="classWeights"/> holds, per principle, the weight of a −1, 0 and +1 label.
    /// </summary>
    public static NetworkTrainer Train(
        IReadOnlyList<CorpusLine> lines, SparseRow[] rows, int features, int units, IReadOnlyList<int> subset, float[][] classWeights)
    {
        var net = new NetworkTrainer(features, units, classWeights.Length * ClassCount);
        net.Fit(lines, rows, subset, classWeights);
        return net;
    }

    /// <summary>The network's scores of one line, every principle's three verdicts in a row.</summary>
    public float[] Scores(SparseRow row)
    {
        var hidden = new float[_units];
        var scores = new float[_width];
        Forward(row, hidden, scores, drop: null);
        return scores;
    }

    private void Forward(SparseRow row, float[] hidden, float[] scores, bool[]? drop)
    {
        Array.Copy(HiddenBiases, hidden, _units);
        Array.Copy(Biases, scores, _width);
        for (var j = 0; j < row.Indices.Length; j++)
        {
            var (feature, value) = (row.Indices[j], row.Values[j]);
            for (var u = 0; u < _units; u++)
            {
                hidden[u] += Input[feature * _units + u] * value;
            }

            for (var c = 0; c < _width; c++)
            {
                scores[c] += Wide[feature * _width + c] * value;
            }
        }

        for (var u = 0; u < _units; u++)
        {
            if (hidden[u] <= 0 || (drop is not null && drop[u]))
            {
                hidden[u] = 0;
                continue;
            }

            if (drop is not null)
            {
                // Inverted dropout: the units left on stand in for the dropped ones, so scoring needs no rescaling.
                hidden[u] /= 1 - Dropout;
            }

            for (var c = 0; c < _width; c++)
            {
                scores[c] += Output[u * _width + c] * hidden[u];
            }
        }
    }

    private void Fit(IReadOnlyList<CorpusLine> lines, SparseRow[] rows, IReadOnlyList<int> subset, float[][] classWeights)
    {
        // Adagrad's running sums of squared gradients, one per weight.
        var sumInput = new float[Input.Length];
        var sumHiddenBiases = new float[_units];
        var sumOutput = new float[Output.Length];
        var sumWide = new float[Wide.Length];
        var sumBiases = new float[_width];

        var hidden = new float[_units];
        var scores = new float[_width];
        var scoreGradient = new float[_width];
        var hiddenGradient = new float[_units];
        var drop = new bool[_units];
        var order = subset.ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order);
            foreach (var n in order)
            {
                for (var u = 0; u < _units; u++)
                {
                    drop[u] = _random.NextDouble() < Dropout;
                }

                Forward(rows[n], hidden, scores, drop);
                SoftmaxGradient(lines[n], scores, classWeights, scoreGradient);

                Array.Clear(hiddenGradient);
                for (var u = 0; u < _units; u++)
                {
                    if (hidden[u] == 0)
                    {
                        continue;
                    }

                    for (var c = 0; c < _width; c++)
                    {
                        var k = u * _width + c;
                        hiddenGradient[u] += Output[k] * scoreGradient[c];
                        Step(Output, sumOutput, k, (scoreGradient[c] * hidden[u]) + (L2 * Output[k]));
                    }

                    hiddenGradient[u] /= 1 - Dropout;
                }

                for (var c = 0; c < _width; c++)
                {
                    Step(Biases, sumBiases, c, scoreGradient[c]);
                }

                for (var u = 0; u < _units; u++)
                {
                    Step(HiddenBiases, sumHiddenBiases, u, hiddenGradient[u]);
                }

                var row = rows[n];
                for (var j = 0; j < row.Indices.Length; j++)
                {
                    var (feature, value) = (row.Indices[j], row.Values[j]);
                    for (var u = 0; u < _units; u++)
                    {
                        if (hiddenGradient[u] != 0)
                        {
                            var k = feature * _units + u;
                            Step(Input, sumInput, k, (hiddenGradient[u] * value) + (L2 * Input[k]));
                        }
                    }

                    for (var c = 0; c < _width; c++)
                    {
                        var k = feature * _width + c;
                        Step(Wide, sumWide, k, (scoreGradient[c] * value) + (L2 * Wide[k]));
                    }
                }
            }
        }
    }

    /// <summary>The gradient of the weighted cross-entropy of every principle's softmax with respect to its scores.</summary>
    private static void SoftmaxGradient(CorpusLine line, float[] scores, float[][] classWeights, float[] gradient)
    {
        for (var p = 0; p < classWeights.Length; p++)
        {
            var at = p * ClassCount;
            var max = Math.Max(scores[at], Math.Max(scores[at + 1], scores[at + 2]));
            var sum = 0.0;
            for (var c = 0; c < ClassCount; c++)
            {
                sum += Math.Exp(scores[at + c] - max);
            }

            var label = line.Verdicts[p] + 1;
            var weight = classWeights[p][label];
            for (var c = 0; c < ClassCount; c++)
            {
                gradient[at + c] = weight * ((float)(Math.Exp(scores[at + c] - max) / sum) - (c == label ? 1 : 0));
            }
        }
    }

    private static void Step(float[] weights, float[] squares, int k, float gradient)
    {
        squares[k] += gradient * gradient;
        weights[k] -= LearningRate * gradient / (float)Math.Sqrt(squares[k] + 1e-8);
    }

    private void Shuffle(int[] order)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private float[] Uniform(int count, float scale)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(((_random.NextDouble() * 2) - 1) * scale);
        }

        return values;
    }
}

/// <summary>One line's features as parallel arrays of feature rows and counts, sorted by row.</summary>
internal sealed record SparseRow(int[] Indices, float[] Values);
