using RolePlay.Cli.Training;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary><c>train --corpus DIR --out FILE</c>: trains the learned scorer on the corpus's training split and reports the held-out figures.</summary>
internal static class TrainCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.Allow("--corpus", "--out", "--scenarios", "--validate", "--l1", "--l2", "--balance", "--min-lines");
        var output = options.Require("--out");
        var workspace = CorpusWorkspace.Load(options.Require("--corpus"), options.Get("--scenarios"));
        var training = workspace.Lines(CorpusSplit.Train).ToList();

        // Tuning happens here: train on four fifths of the training split and measure on the fifth left over,
        // so the held-out split is never looked at while choosing features or settings.
        var validating = options.Has("--validate");
        var validation = validating ? training.Where(InValidationFold).ToList() : [];
        if (validating)
        {
            training = training.Where(l => !InValidationFold(l)).ToList();
        }

        if (training.Count == 0)
        {
            stderr.WriteLine("roleplay: the corpus has no labelled training lines");
            return 1;
        }

        var model = ModelTrainer.Train(training, workspace.Rubric, Settings(options));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        {
            model.Write(file);
        }

        stdout.WriteLine($"trained on {training.Count} lines ({workspace.Corpus.Unsettled.Count} unsettled left out); {model.Features.Length} features; wrote {output} ({new FileInfo(output).Length / 1024} KB)");
        var measured = validating ? validation : workspace.Lines(CorpusSplit.HeldOut).ToList();
        var evaluation = Evaluation.Of(new LearnedScorer(model, workspace.Rubric), measured, workspace.ScenarioOf);
        stdout.WriteLine(ScoringReport.Markdown(
            validating ? $"Validation fold of the training split ({measured.Count} lines)" : $"Held-out split ({measured.Count} lines)",
            evaluation,
            validating ? null : workspace.Corpus.BetweenLabellers(CorpusSplit.HeldOut)));
        return 0;
    }

    private static TrainingOptions Settings(CliOptions options)
    {
        var defaults = new TrainingOptions();
        return new TrainingOptions(
            Number(options, "--l2", defaults.L2),
            Number(options, "--l1", defaults.L1),
            (int)Number(options, "--min-lines", defaults.MinLines),
            Number(options, "--balance", (float)defaults.Balance));
    }

    private static float Number(CliOptions options, string name, float fallback) =>
        options.Get(name) is not { } text ? fallback
        : float.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new CliUsageException($"{name} must be a number of 0 or more, not '{text}'");

    private static bool InValidationFold(CorpusLine line) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line.Id))[^1] % 5 == 0;
}
