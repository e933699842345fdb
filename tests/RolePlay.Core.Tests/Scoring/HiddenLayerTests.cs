using System.IO.Compression;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Core.Tests.Scoring;

/// <summary>
/// What a model's hidden layer adds: a unit that fires only on a combination of words, scored and explained in
/// the student's own words, and kept intact by the model file.
/// </summary>
public class HiddenLayerTests
{
    private const int Width = 15;
    private static readonly int CustomerFirstViolated = Principles.IndexOf(Principles.CustomerFirst) * 3;

    /// <summary>
    /// No feature weighs anything on its own; one unit sums "sorry" and "rules" less 1.5, so it fires only when a line
    /// says both, and then pushes customer-first towards "violated": an apology that turns into a rule.
    /// </summary>
    private static ScorerModel SorryButRules()
    {
        ulong[] features = [FeatureHash.Of(FeatureKind.Word, "sorry"), FeatureHash.Of(FeatureKind.Word, "rules")];
        var output = new float[Width];
        output[CustomerFirstViolated] = 10;
        var hidden = new HiddenLayer(1, [-1.5f], output, [(Half)1, (Half)1]);
        return new ScorerModel(Principles.Ids, new float[Width], features, new float[features.Length * Width], hidden);
    }

    private static PrincipleVerdict CustomerFirst(ScorerModel model, string text) =>
        new LearnedScorer(model, Rubric.Default).Score(new ScoringRequest(text, "clerk", "counter", null, null)).Verdicts[0];

    [Fact]
    public void A_unit_decides_only_when_the_words_it_combines_come_together()
    {
        var model = SorryButRules();

        Assert.Equal(-1, CustomerFirst(model, "Sorry, but those are the rules.").Verdict);
        Assert.Equal(0, CustomerFirst(model, "Sorry about the wait.").Verdict);
        Assert.Equal(0, CustomerFirst(model, "Those are the rules.").Verdict);
    }

    [Fact]
    public void The_evidence_of_a_units_verdict_is_the_words_that_fired_it()
    {
        var verdict = CustomerFirst(SorryButRules(), "Thank you for waiting. Sorry, those are the rules.");

        Assert.Equal(-1, verdict.Verdict);
        var words = string.Join(" | ", verdict.Evidence.Select(e => e.Text));
        Assert.Contains("Sorry", words, StringComparison.Ordinal);
        Assert.Contains("rules", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank", words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_a_hidden_layer_reads_back_from_its_file_scoring_the_same()
    {
        var model = new ScorerModel(
            Principles.Ids,
            Enumerable.Range(0, Width).Select(i => i * 0.1f).ToArray(),
            [1, 2, 3],
            Enumerable.Range(0, 3 * Width).Select(i => i * 0.01f).ToArray(),
            new HiddenLayer(2, [0.5f, -0.5f], Enumerable.Range(0, 2 * Width).Select(i => i * -0.02f).ToArray(), [.. new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }.Select(w => (Half)w)]));
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var copy = ScorerModel.Read(stream);

        Assert.Equal(model.Weights, copy.Weights);
        Assert.NotNull(copy.Hidden);
        Assert.Equal(model.Hidden!.Biases, copy.Hidden.Biases);
        Assert.Equal(model.Hidden.OutputWeights, copy.Hidden.OutputWeights);
        Assert.Equal(model.Hidden.InputWeights, copy.Hidden.InputWeights);
    }

    [Fact]
    public void A_model_file_cut_short_is_refused_with_a_clear_error()
    {
        using var whole = new MemoryStream();
        SorryButRules().Write(whole);
        whole.Position = 0;
        using var raw = new MemoryStream();
        using (var gzip = new GZipStream(whole, CompressionMode.Decompress))
        {
            gzip.CopyTo(raw);
        }

        using var cut = new MemoryStream();
        using (var gzip = new GZipStream(cut, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(raw.ToArray().AsSpan(0, (int)raw.Length - 3));
        }

        cut.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => ScorerModel.Read(cut));
        Assert.Contains("ends early", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, int.MaxValue)]
    [InlineData(5, -1)]
    public void A_model_file_declaring_impossible_sizes_is_refused_as_damaged(int principles, int features)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(new GZipStream(stream, CompressionMode.Compress, leaveOpen: true)))
        {
            writer.Write(0x43535052); // the model file's magic number
            writer.Write(2);
            writer.Write(principles);
            foreach (var id in Principles.Ids.Take(principles))
            {
                writer.Write(id);
            }

            writer.Write(new byte[principles * 3 * sizeof(float)]);
            writer.Write(features);
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => ScorerModel.Read(stream));
        Assert.Contains("it is damaged", error.Message, StringComparison.Ordinal);
    }
}
