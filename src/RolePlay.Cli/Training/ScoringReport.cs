using System.Globalization;
using System.Text;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;

namespace RolePlay.Cli.Training;

/// <summary>Writes an <see cref="Evaluation"/> as the Markdown tables of <c>docs/scoring.md</c>, or as JSON figures.</summary>
internal static class ScoringReport
{
    public static string Markdown(string title, Evaluation evaluation, IReadOnlyList<Agreement>? labellers)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### {title}").AppendLine();
        md.AppendLine("| script | lines | agreement | κ | −1 recall | −1 precision | +1 recall | +1 precision |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var script in CorpusLine.Scripts.Append(null))
        {
            var a = evaluation.Pooled(script);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {script ?? "**all**"} | {a.Total / Principles.Ids.Count} | {F(a.Observed)} | {F(a.Kappa)} | {F(a.Recall(-1))} | {F(a.Precision(-1))} | {F(a.Recall(1))} | {F(a.Precision(1))} |");
        }

        md.AppendLine().AppendLine("| principle | agreement | κ | −1 recall | −1 precision | +1 recall | +1 precision | " + string.Join(" | ", CorpusLine.Scripts) + (labellers is null ? " |" : " | labellers' κ |"));
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|" + string.Concat(CorpusLine.Scripts.Select(_ => "---:|")) + (labellers is null ? "" : "---:|"));
        var overall = evaluation.Overall;
        for (var p = 0; p < Principles.Ids.Count; p++)
        {
            var a = overall[p];
            md.Append(CultureInfo.InvariantCulture, $"| `{Principles.Ids[p]}` | {F(a.Observed)} | {F(a.Kappa)} | {F(a.Recall(-1))} | {F(a.Precision(-1))} | {F(a.Recall(1))} | {F(a.Precision(1))} |");
            foreach (var script in CorpusLine.Scripts)
            {
                md.Append(CultureInfo.InvariantCulture, $" {F(evaluation.ByScript[script][p].Observed)} |");
            }

            md.AppendLine(labellers is null ? "" : $" {F(labellers[p].Kappa)} |");
        }

        var pooled = evaluation.Pooled(null);
        md.AppendLine().AppendLine("Confusion, every principle and script together (rows: the labels; columns: the scorer):").AppendLine();
        md.AppendLine("| label \\ scorer | −1 | 0 | +1 | lines |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var expected in new[] { -1, 0, 1 })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Sign(expected)} | {pooled.Count(expected, -1)} | {pooled.Count(expected, 0)} | {pooled.Count(expected, 1)} | {pooled.Support(expected)} |");
        }

        return md.ToString();
    }

    /// <summary>The figures the targets and the regression test are stated in.</summary>
    public static object Figures(Evaluation evaluation) => new
    {
        agreement = Round(evaluation.Pooled(null).Observed),
        violationRecall = Round(evaluation.Pooled(null).Recall(-1)),
        byScript = CorpusLine.Scripts.ToDictionary(s => s, s => Round(evaluation.Pooled(s).Observed)),
        byPrinciple = Principles.Ids.Select((id, p) => (id, p)).ToDictionary(x => x.id, x => Round(evaluation.Overall[x.p].Observed)),
        kappaByPrinciple = Principles.Ids.Select((id, p) => (id, p)).ToDictionary(x => x.id, x => Round(evaluation.Overall[x.p].Kappa)),
    };

    private static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 3);

    private static string Sign(int v) => v switch { -1 => "−1", 0 => "0", _ => "+1" };

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
