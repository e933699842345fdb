using System.Globalization;
using System.Text;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Transcripts;

/// <summary>Writes transcripts as Markdown and renders scenario Markdown to safe HTML (raw HTML disabled).</summary>
public static class TranscriptMarkdown
{
    /// <summary>Renders author or player Markdown to HTML: raw HTML is shown as text, links only to http, https and mailto (<see cref="SafeMarkdown"/>).</summary>
    public static string ToSafeHtml(string markdown) => SafeMarkdown.ToHtml(markdown);

    /// <summary>The transcript as a Markdown document for the debrief.</summary>
    public static string Render(TranscriptDocument doc, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(scenario);
        var zh = scenario.IsChinese;
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Escape(doc.ScenarioTitle)).AppendLine();
        sb.Append(zh ? "**结果:** " : "**Outcome:** ").Append(Escape(doc.Outcome.Title))
          .Append(doc.Outcome.Success ? (zh ? "(成功)" : " (success)") : (zh ? "(未成功)" : " (not resolved)")).AppendLine("  ");
        sb.Append(zh ? "**阶段路径:** " : "**Stage path:** ").AppendLine(string.Join(" → ", doc.StagePath.Select(s => Escape(scenario.FindStage(s)?.Title is { Length: > 0 } t ? t : s)))).Append("  ").AppendLine();
        sb.Append(zh ? "**最终情绪:** " : "**Final mood:** ").Append(doc.FinalMood.ToString(CultureInfo.InvariantCulture)).AppendLine("/100").AppendLine();

        sb.AppendLine(zh ? "## 对话记录" : "## Transcript").AppendLine();
        foreach (var turn in doc.Turns)
        {
            var who = scenario.FindRole(turn.Role)?.Name ?? turn.Role;
            sb.Append(turn.Seq.ToString(CultureInfo.InvariantCulture)).Append(". **").Append(Escape(who)).Append("**");
            if (turn.Bot)
            {
                sb.Append(zh ? "(机器人)" : " (bot)");
            }

            sb.Append(turn.Kind == Engine.TurnKind.Act ? (zh ? " [动作] " : " [action] ") : ": ").AppendLine(Escape(turn.Text ?? string.Empty));
            if (turn.Verdicts is not null)
            {
                foreach (var (principle, verdict) in turn.Verdicts.Where(v => v.Value != 0))
                {
                    var words = turn.Evidence![principle].Select(e => "“" + Escape(e.Text) + "”");
                    sb.Append("    - ").Append(verdict > 0 ? "✔ " : "✘ ").Append(principle).Append(": ")
                      .Append(string.Join(", ", words)).Append(" — ").AppendLine(Escape(turn.Feedback![principle]));
                }
            }
        }

        sb.AppendLine().AppendLine(zh ? "## 原则得分" : "## Principle totals").AppendLine();
        sb.Append(zh ? "| 角色 |" : "| Role |");
        foreach (var p in doc.Totals.Keys)
        {
            sb.Append(' ').Append(p).Append(" |");
        }

        sb.AppendLine().Append("|---|").AppendLine(string.Concat(doc.Totals.Keys.Select(_ => "---:|")));
        foreach (var (role, totals) in doc.TotalsByRole)
        {
            sb.Append("| ").Append(Escape(scenario.FindRole(role)?.Name ?? role)).Append(" |").AppendLine(string.Concat(totals.Values.Select(v => $" {v} |")));
        }

        sb.Append(zh ? "| **小组合计** |" : "| **Group** |").AppendLine(string.Concat(doc.Totals.Values.Select(v => $" **{v}** |")));
        if (scenario.FindOutcome(doc.Outcome.Id) is { } outcome)
        {
            sb.AppendLine().AppendLine(zh ? "## 复盘" : "## Debrief").AppendLine().AppendLine(SafeMarkdown.ToSafeSource(outcome.Debrief));
            if (outcome.Questions.Count > 0)
            {
                sb.AppendLine().AppendLine(zh ? "### 反思问题" : "### Reflection questions").AppendLine();
                foreach (var q in outcome.Questions)
                {
                    sb.Append("- ").AppendLine(SafeMarkdown.ToSafeSource(q));
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes what players typed so it shows as text, never as Markdown or HTML.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }
}
