using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Training;

/// <summary>How a model is trained; the defaults are what the shipped model was trained with.</summary>
/// <param name="L2">ML.NET's L2 regularisation weight.</param>
/// <param name="L1">ML.NET's L1 regularisation weight (drives weak features to zero, keeping the model small).</param>
/// <param name="MinLines">A feature is learned only when it occurs in at least this many training lines.</param>
/// <param name="Balance">How much rarer verdicts are weighted up: 0 none, 1 fully balanced classes.</param>
/// <param name="Folds">Cross-validation folds of the training lines used to tune each principle's decision offsets; 0 or 1 tunes none.</param>
/// <param name="HiddenUnits">Hidden units of the network averaged with the linear model; 0 trains the linear model alone.</param>
public sealed record TrainingOptions(float L2 = 0.5f, float L1 = 0.05f, int MinLines = 2, double Balance = 0.5, int Folds = 5, int HiddenUnits = 64);

/// <summary>
/// Trains the learned scorer. Every line becomes a sparse vector of <see cref="LineFeaturizer"/> features; ML.NET's
/// multinomial logistic regression (L-BFGS maximum entropy) learns −1 / 0 / +1 per principle, and, over the features
/// it kept, a small network (<see cref="NetworkTrainer"/>) learns all principles at once. The two are averaged: the
/// network catches combinations of words, the linear model keeps every feature's say. The weights are copied into a
/// <see cref="ScorerModel"/>, which RolePlay.Core evaluates without ML.NET.
/// </summary>
public static class ModelTrainer
{
    private const int ClassCount = 3;

    /// <summary>
    /// Trains on <paramref name="lines"/> (the caller passes the training split only). The scenarios play no part:
    /// the model reads the words and the shared rubric's cues, so editing a scenario never calls for retraining.
    /// <paramref name="progress"/> hears which step has begun (training takes minutes).
    /// </summary>
    public static ScorerModel Train(
        IReadOnlyList<CorpusLine> lines, Rubric rubric, TrainingOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(options);
        var featurizer = new LineFeaturizer(rubric);
        var lineFeatures = new List<Dictionary<ulong, float>>(lines.Count);
        var documentFrequency = new Dictionary<ulong, int>();
        var hits = new List<FeatureHit>();
        foreach (var line in lines)
        {
            hits.Clear();
            featurizer.Featurize(new ScoringRequest(line.Text, line.Role, line.Stage, null, null), hits);
            var counts = new Dictionary<ulong, float>();
            foreach (var hit in hits)
            {
                counts[hit.Hash] = counts.GetValueOrDefault(hit.Hash) + 1;
            }

            foreach (var hash in counts.Keys)
            {
                documentFrequency[hash] = documentFrequency.GetValueOrDefault(hash) + 1;
            }

            lineFeatures.Add(counts);
        }

        var vocabulary = documentFrequency.Where(kv => kv.Value >= options.MinLines).Select(kv => kv.Key).Order().ToArray();
        var index = new Dictionary<ulong, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        var vectors = lineFeatures.Select(counts => Vector(counts, index, vocabulary.Length)).ToArray();
        var width = Principles.Ids.Count * ClassCount;
        var biases = new float[width];
        var weights = new float[vocabulary.Length * width];
        var all = Enumerable.Range(0, lines.Count).ToArray();
        var fold = lines.Select(l => options.Folds > 1 ? System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(l.Id))[0] % options.Folds : 0).ToArray();
        var outOfFold = new float[Principles.Ids.Count][][];
        for (var p = 0; p < Principles.Ids.Count; p++)
        {
            progress?.Invoke($"linear model, {Principles.Ids[p]} ({p + 1}/{Principles.Ids.Count})");
            var (classWeights, classBiases) = TrainPrinciple(lines, vectors, all, p, vocabulary.Length, options);
            for (var c = 0; c < ClassCount; c++)
            {
                biases[p * ClassCount + c] = classBiases[c];
                var dense = classWeights[c].DenseValues().ToArray();
                for (var f = 0; f < vocabulary.Length; f++)
                {
                    weights[f * width + p * ClassCount + c] = dense[f];
                }
            }

            if (options.Folds > 1)
            {
                outOfFold[p] = LinearOutOfFold(lines, vectors, fold, p, vocabulary.Length, options);
            }
        }

        var keep = Kept(vocabulary.Length, weights, width);
        var kept = new float[keep.Length * width];
        for (var i = 0; i < keep.Length; i++)
        {
            Array.Copy(weights, keep[i] * width, kept, i * width, width);
        }

        HiddenLayer? hidden = null;
        if (options.HiddenUnits > 0)
        {
            hidden = AverageWithNetwork(lines, lineFeatures, vocabulary, keep, fold, outOfFold, biases, kept, options, progress);
        }

        for (var p = 0; p < Principles.Ids.Count && options.Folds > 1; p++)
        {
            var offsets = BestOffsets(lines, p, outOfFold[p]);
            for (var c = 0; c < ClassCount; c++)
            {
                biases[p * ClassCount + c] += offsets[c];
            }
        }

        return new ScorerModel(Principles.Ids, biases, keep.Select(f => vocabulary[f]).ToArray(), kept, hidden);
    }

    /// <summary>
    /// Trains the network on the features the linear model kept and folds it into the model: the scores become the
    /// mean of the two models' scores (<paramref name="biases"/> and <paramref name="kept"/> are averaged in place,
    /// and so is every out-of-fold score, so the offsets are tuned for the averaged model).
    /// </summary>
    private static HiddenLayer AverageWithNetwork(
        IReadOnlyList<CorpusLine> lines, List<Dictionary<ulong, float>> lineFeatures, ulong[] vocabulary, int[] keep,
        int[] fold, float[][][] outOfFold, float[] biases, float[] kept, TrainingOptions options, Action<string>? progress)
    {
        var row = new Dictionary<ulong, int>(keep.Length);
        for (var i = 0; i < keep.Length; i++)
        {
            row[vocabulary[keep[i]]] = i;
        }

        var rows = lineFeatures.Select(counts =>
        {
            var present = counts.Where(kv => row.ContainsKey(kv.Key)).Select(kv => (Row: row[kv.Key], kv.Value)).OrderBy(x => x.Row).ToArray();
            return new SparseRow(present.Select(x => x.Row).ToArray(), present.Select(x => x.Value).ToArray());
        }).ToArray();
        var classWeights = Enumerable.Range(0, Principles.Ids.Count)
            .Select(p => ClassWeights(lines.Select(l => l.Verdicts[p]), lines.Count, options.Balance))
            .ToArray();
        var all = Enumerable.Range(0, lines.Count).ToArray();
        progress?.Invoke($"network of {options.HiddenUnits} units over {keep.Length} features");
        var net = NetworkTrainer.Train(lines, rows, keep.Length, options.HiddenUnits, all, classWeights);

        if (options.Folds > 1)
        {
            for (var k = 0; k < options.Folds; k++)
            {
                progress?.Invoke($"network for the offsets, fold {k + 1}/{options.Folds}");
                var foldNet = NetworkTrainer.Train(lines, rows, keep.Length, options.HiddenUnits, all.Where(i => fold[i] != k).ToArray(), classWeights);
                foreach (var i in all.Where(i => fold[i] == k))
                {
                    var scores = foldNet.Scores(rows[i]);
                    for (var p = 0; p < Principles.Ids.Count; p++)
                    {
                        for (var c = 0; c < ClassCount; c++)
                        {
                            outOfFold[p][i][c] = (outOfFold[p][i][c] + scores[p * ClassCount + c]) / 2;
                        }
                    }
                }
            }
        }

        for (var k = 0; k < biases.Length; k++)
        {
            biases[k] = (biases[k] + net.Biases[k]) / 2;
        }

        for (var k = 0; k < kept.Length; k++)
        {
            kept[k] = (kept[k] + net.Wide[k]) / 2;
        }

        return new HiddenLayer(options.HiddenUnits, net.HiddenBiases, net.Output.Select(w => w / 2).ToArray(), Array.ConvertAll(net.Input, w => (Half)w));
    }

    private static VBuffer<float> Vector(Dictionary<ulong, float> counts, Dictionary<ulong, int> index, int length)
    {
        var present = counts.Where(kv => index.ContainsKey(kv.Key)).Select(kv => (Index: index[kv.Key], Value: kv.Value)).OrderBy(x => x.Index).ToArray();
        return new VBuffer<float>(length, present.Length, present.Select(x => x.Value).ToArray(), present.Select(x => x.Index).ToArray());
    }

    /// <summary>
    /// Each training line's linear scores for one principle from a model trained on the other folds, for tuning the
    /// offsets on lines the model did not train on. Only training lines take part; the held-out split is never seen here.
    /// </summary>
    private static float[][] LinearOutOfFold(IReadOnlyList<CorpusLine> lines, VBuffer<float>[] vectors, int[] fold, int principle, int length, TrainingOptions options)
    {
        var scores = new float[lines.Count][];
        for (var k = 0; k < options.Folds; k++)
        {
            var train = Enumerable.Range(0, lines.Count).Where(i => fold[i] != k).ToArray();
            var (w, b) = TrainPrinciple(lines, vectors, train, principle, length, options);
            var dense = w.Select(v => v.DenseValues().ToArray()).ToArray();
            foreach (var i in Enumerable.Range(0, lines.Count).Where(i => fold[i] == k))
            {
                var s = (float[])b.Clone();
                var values = vectors[i].GetValues();
                var indices = vectors[i].GetIndices();
                for (var j = 0; j < values.Length; j++)
                {
                    for (var c = 0; c < ClassCount; c++)
                    {
                        s[c] += dense[c][indices[j]] * values[j];
                    }
                }

                scores[i] = s;
            }
        }

        return scores;
    }

    /// <summary>
    /// How much to add to the "violated" and "upheld" scores of a principle so its verdicts agree best (Cohen's κ)
    /// with the labels, judged on the out-of-fold scores.
    /// </summary>
    private static float[] BestOffsets(IReadOnlyList<CorpusLine> lines, int principle, float[][] scores)
    {
        var best = (Kappa: double.MinValue, Offsets: new float[ClassCount]);
        for (var down = -1f; down <= 3f; down += 0.25f)
        {
            for (var up = -1f; up <= 3f; up += 0.25f)
            {
                var agreement = new Agreement();
                for (var i = 0; i < lines.Count; i++)
                {
                    agreement.Add(lines[i].Verdicts[principle], Decide(scores[i], down, up));
                }

                if (agreement.Kappa > best.Kappa + 1e-9)
                {
                    best = (agreement.Kappa, [down, 0, up]);
                }
            }
        }

        return best.Offsets;
    }

    private static int Decide(float[] s, float down, float up)
    {
        // As the scorer decides: the highest score wins, ties go to "not engaged".
        var (neg, zero, pos) = (s[0] + down, s[1], s[2] + up);
        return neg > zero && neg >= pos ? -1 : pos > zero && pos > neg ? 1 : 0;
    }

    private static (VBuffer<float>[] Weights, float[] Biases) TrainPrinciple(
        IReadOnlyList<CorpusLine> all, VBuffer<float>[] allVectors, int[] subset, int principle, int length, TrainingOptions options)
    {
        var lines = subset.Select(i => all[i]).ToArray();
        var vectors = subset.Select(i => allVectors[i]).ToArray();
        var classWeight = ClassWeights(lines.Select(l => l.Verdicts[principle]), lines.Length, options.Balance);
        var rows = lines.Select((line, i) => new TrainingRow
        {
            Label = (uint)(line.Verdicts[principle] + 1),
            Features = vectors[i],
            Weight = classWeight[line.Verdicts[principle] + 1],
        });

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), ClassCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L2Regularization = options.L2,
            L1Regularization = options.L1,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 500,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classes);
        if (classes != ClassCount)
        {
            throw new InvalidOperationException($"expected {ClassCount} classes, ML.NET trained {classes}");
        }

        return (weights, model.GetBiases().ToArray());
    }

    /// <summary>Rare verdicts (a violation is rarer than "not engaged") weigh more, so the model does not learn to shrug.</summary>
    private static float[] ClassWeights(IEnumerable<int> verdicts, int count, double balance)
    {
        var perClass = new int[ClassCount];
        foreach (var verdict in verdicts)
        {
            perClass[verdict + 1]++;
        }

        return perClass.Select(n => n == 0 ? 1f : (float)Math.Pow(count / (double)(ClassCount * n), balance)).ToArray();
    }

    /// <summary>The features some weight of which is not (almost) zero: the others change no score.</summary>
    private static int[] Kept(int features, float[] weights, int width)
    {
        var keep = new List<int>();
        for (var f = 0; f < features; f++)
        {
            var max = 0f;
            for (var k = 0; k < width; k++)
            {
                max = Math.Max(max, Math.Abs(weights[f * width + k]));
            }

            if (max >= 1e-4f)
            {
                keep.Add(f);
            }
        }

        return [.. keep];
    }

    private sealed class TrainingRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }
}
