using System.Globalization;
using System.Text.RegularExpressions;
using RolePlay.Cli.Training;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Core.Tests.Scoring;

/// <summary>The corpus, its held-out split and the shipped model's figures on it, as <c>docs/scoring.md</c> reports them.</summary>
public partial class HeldOutAgreementTests
{
    private static readonly Lazy<(LabelledCorpus Corpus, Dictionary<string, Scenario> Scenarios)> Data = new(() =>
        (CorpusReader.Read(Path.Combine(TestPaths.Scenarios, "corpus")),
         ScenarioLoader.LoadFolder(TestPaths.Scenarios).ToDictionary(s => s.Id, StringComparer.Ordinal)));

    private static LabelledCorpus Corpus => Data.Value.Corpus;

    private static Scenario? ScenarioOf(CorpusLine line) => Data.Value.Scenarios.GetValueOrDefault(line.ScenarioFileId);

    private static List<CorpusLine> HeldOut => Corpus.Lines.Where(l => l.Split == CorpusSplit.HeldOut).ToList();

    [Fact]
    public void Shipped_model_agrees_with_the_held_out_labels_no_less_than_documented()
    {
        var documented = DocumentedAgreement();
        var evaluation = Evaluation.Of(new LearnedScorer(ScorerModel.Load(TestPaths.ShippedModel), Rubric.Default), HeldOut, ScenarioOf);

        Assert.True(evaluation.Pooled(null).Observed >= documented - 0.02,
            $"held-out agreement {evaluation.Pooled(null).Observed:0.000} fell more than 0.02 below the documented {documented:0.000}");
    }

    [Fact]
    public void Retraining_from_the_corpus_reproduces_the_shipped_models_held_out_figures()
    {
        var training = Corpus.Lines.Where(l => l.Split == CorpusSplit.Train).ToList();
        var retrained = ModelTrainer.Train(training, Rubric.Default, new TrainingOptions());

        var shipped = Evaluation.Of(new LearnedScorer(ScorerModel.Load(TestPaths.ShippedModel), Rubric.Default), HeldOut, ScenarioOf);
        var again = Evaluation.Of(new LearnedScorer(retrained, Rubric.Default), HeldOut, ScenarioOf);

        Assert.Equal(shipped.Pooled(null).Observed, again.Pooled(null).Observed, 3);
        for (var p = 0; p < Principles.Ids.Count; p++)
        {
            Assert.Equal(shipped.Overall[p].Observed, again.Overall[p].Observed, 3);
        }
    }

    [Fact]
    public void The_held_out_split_is_a_fifth_of_every_scenario_and_script()
    {
        var groups = Corpus.Lines.Where(l => l.Source == "labellers").GroupBy(l => (l.Scenario, l.Script)).ToList();

        Assert.Equal(7 * 3, groups.Count);
        Assert.All(groups, g => Assert.InRange(g.Count(l => l.Split == CorpusSplit.HeldOut) / (double)g.Count(), 0.19, 0.3));
    }

    [Fact]
    public void Every_written_line_was_labelled_by_two_labellers_and_every_disagreement_is_settled()
    {
        var written = Corpus.Lines.Where(l => l.Source == "labellers").ToList();

        Assert.True(written.Count >= 3000, $"the corpus has {written.Count} settled lines");
        Assert.All(written, l => Assert.True(Corpus.LabellerA.ContainsKey(l.Id) && Corpus.LabellerB.ContainsKey(l.Id), $"{l.Id} lacks a labeller"));
        Assert.Empty(Corpus.Unsettled);
    }

    [Fact]
    public void A_broken_corpus_line_is_reported_with_its_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("roleplay-corpus-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "lines"));
        File.WriteAllLines(Path.Combine(folder, "lines", "x.jsonl"),
        [
            """{"id":"x.en.1","scenario":"x","script":"en","role":"clerk","text":"Sorry."}""",
            """{"id":"x.en.2","scenario":"x","script":"klingon","role":"clerk","text":"Sorry."}""",
            "{not json",
        ]);

        var error = Assert.Throws<CorpusException>(() => CorpusReader.Read(folder));

        Assert.Contains(error.Problems, p => p.Contains("x.jsonl:2:1", StringComparison.Ordinal) && p.Contains("klingon", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("x.jsonl:3:1", StringComparison.Ordinal));
    }

    private static double DocumentedAgreement()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scoring.md"));
        var match = DocumentedFigure().Match(doc);
        Assert.True(match.Success, "docs/scoring.md lacks its '<!-- held-out agreement: N -->' marker");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"<!-- held-out agreement: ([0-9.]+) -->")]
    private static partial Regex DocumentedFigure();
}
