using System.CommandLine;
using RolePlay.Cli.Training;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>
/// <c>train --corpus DIR --out FILE [--scenarios DIR] [--validate] [--l1 N] [--l2 N] [--balance N] [--min-lines N] [--hidden-units N]</c>:
/// trains the learned scorer on the corpus's training split and reports the held-out figures.
/// </summary>
internal sealed class TrainCommand : Command
{
    private static readonly TrainingOptions Defaults = new();

    private readonly Option<string> _corpus = CorpusWorkspace.CorpusOption();
    private readonly Option<string> _output = new("--out")
    {
        Description = "Where to write the model (scenarios/scorer/model.bin is the one the server and the CLI pick up)",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _scenarios = CorpusWorkspace.ScenariosOption();
    private readonly Option<bool> _validate = new("--validate")
    {
        Description = "Measure on a fifth of the training split instead of the held-out split, for tuning the settings below",
    };

    private readonly Option<float> _l1 = CliOptions.Number("--l1", Defaults.L1, "L1 regularisation weight", 0f);
    private readonly Option<float> _l2 = CliOptions.Number("--l2", Defaults.L2, "L2 regularisation weight", 0f);
    private readonly Option<double> _balance = CliOptions.Number("--balance", Defaults.Balance, "How much rarer verdicts are weighted up: 0 none, 1 fully balanced classes", 0d);
    private readonly Option<int> _minLines = CliOptions.WholeNumber("--min-lines", Defaults.MinLines, "A feature is learned only when it occurs in at least this many training lines", min: 0);
    private readonly Option<int> _hiddenUnits = CliOptions.WholeNumber("--hidden-units", Defaults.HiddenUnits, "Hidden units of the network averaged with the linear model; 0 trains the linear model alone", min: 0, max: HiddenLayer.MaxSize);

    public TrainCommand()
        : base("train", "Train the learned scorer on the corpus's training split")
    {
        Options.Add(_corpus);
        Options.Add(_output);
        Options.Add(_scenarios);
        Options.Add(_validate);
        Options.Add(_l1);
        Options.Add(_l2);
        Options.Add(_balance);
        Options.Add(_minLines);
        Options.Add(_hiddenUnits);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var output = result.GetRequiredValue(_output);
        var workspace = CorpusWorkspace.Load(result.GetRequiredValue(_corpus), result.GetValue(_scenarios));
        var training = workspace.Lines(CorpusSplit.Train).ToList();

        // Tuning happens here: train on four fifths of the training split and measure on the fifth left over,
        // so the held-out split is never looked at while choosing features or settings.
        var validating = result.GetValue(_validate);
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

        var settings = new TrainingOptions(result.GetValue(_l2), result.GetValue(_l1), result.GetValue(_minLines), result.GetValue(_balance), HiddenUnits: result.GetValue(_hiddenUnits));
        var model = ModelTrainer.Train(training, workspace.Rubric, settings, step => stderr.WriteLine($"training: {step}"));
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

    private static bool InValidationFold(CorpusLine line) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line.Id))[^1] % 5 == 0;
}
