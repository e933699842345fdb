using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>Turns a parsed scenario document into a <see cref="Scenario"/>, checking fields and every id reference.</summary>
internal sealed partial class ScenarioReader(Diagnostics diag, string sourcePath)
{
    private readonly List<(string Kind, string Id, SourceMark Mark)> _references = [];
    private readonly List<string> _bands = [];
    private readonly List<string> _roleIds = [];
    private readonly List<(string Cue, SourceMark Mark)> _calls = [];

    public Scenario? Read(YamlNode root)
    {
        var doc = FieldReader.For(root, diag, "the scenario", ScenarioFields.Scenario);
        if (doc is null)
        {
            return null;
        }

        var id = doc.Text("id", required: true);
        CheckId(id, doc.MarkOf("id"), "scenario id");
        var locale = doc.Text("locale", required: true);
        if (locale.Length > 0 && !locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            diag.Add(doc.MarkOf("locale"), $"locale '{locale}' is not supported; use zh-CN, zh-TW or en");
        }

        var roles = Unique(doc.List("roles", required: true).Select(ReadRole), "role", r => r.Id, r => r.Mark);
        var mood = ReadMood(doc.Mapping("mood", required: true));
        var stages = Unique(doc.List("stages", required: true).Select(ReadStage), "stage", s => s.Id, s => s.Mark);
        var outcomes = Unique(doc.List("outcomes", required: true).Select(ReadOutcome), "outcome", o => o.Id, o => o.Mark);
        var budget = new CueBudget(); // a scenario file is shared: its cues may only cost the scorer so much
        var cues = Unique(doc.List("cues").Select(n => CueReader.Read(n, diag, "a cue", scenarioLevel: true, budget)), "cue", c => c?.Id, c => c?.Mark ?? SourceMark.None);
        var events = Unique(doc.List("events").Select(ReadEvent), "event", e => e.Id, e => e.Mark);
        var bots = ReadBots(doc.Node("bots"), "bots", required: true);
        var unfinished = doc.Text("unfinished", required: true);
        Reference("outcome", unfinished, doc.MarkOf("unfinished"));

        if (roles.Count(r => r.Value.IsCustomer) != 1)
        {
            diag.Add(doc.MarkOf("roles"), "exactly one role must be the customer (customer: true)");
        }

        foreach (var stage in stages)
        {
            if (outcomes.Any(o => o.Value.Id == stage.Value.Id))
            {
                diag.Add(stage.Mark, $"'{stage.Value.Id}' is both a stage and an outcome; transitions could not tell them apart");
            }
        }

        CheckReferences(roles, stages, outcomes, cues.Where(c => c.Value is not null).Select(c => c.Value!).ToList(), events);

        if (diag.HasErrors || mood is null)
        {
            return null;
        }

        return new Scenario(
            id,
            doc.Text("title", required: true),
            locale,
            doc.Text("summary", required: true),
            [.. roles.Select(r => r.Value.Role)],
            mood,
            [.. stages.Select(s => s.Value)],
            [.. outcomes.Select(o => o.Value.Outcome)],
            unfinished,
            [.. cues.Select(c => c.Value!)],
            [.. events.Select(e => e.Value.Event)],
            bots,
            sourcePath);
    }

    private (string Id, Role Role, bool IsCustomer, SourceMark Mark) ReadRole(YamlNode node)
    {
        var f = FieldReader.For(node, diag, "a role", ScenarioFields.Role);
        if (f is null)
        {
            return (string.Empty, null!, false, node.Mark);
        }

        var id = f.Text("id", required: true);
        CheckId(id, f.MarkOf("id"), "role id");
        var isCustomer = f.Bool("customer") ?? false;
        _roleIds.Add(id);
        var calledBy = f.Strings("calledBy");
        foreach (var cue in calledBy)
        {
            _calls.Add((cue.Value, cue.Mark));
        }

        if (isCustomer && (calledBy.Count > 0 || f.Node("stepIn") is not null))
        {
            diag.Add(f.MarkOf(calledBy.Count > 0 ? "calledBy" : "stepIn"), "the customer is in every stage: only staff roles are called in or step in");
        }

        var role = new Role(id, f.Text("name", required: true), isCustomer, f.Text("briefing", required: true), f.Text("notes"),
            [.. calledBy.Select(c => c.Value)], f.Bool("stepIn") ?? false, f.Text("waiting"));
        return (id, role, isCustomer, f.Mark);
    }

    private MoodModel? ReadMood(YamlMapping? node)
    {
        var f = FieldReader.For(node, diag, "mood", ScenarioFields.Mood);
        if (f is null)
        {
            return null;
        }

        var bands = new List<MoodBand>();
        var last = -1;
        foreach (var item in f.List("bands", required: true))
        {
            var b = FieldReader.For(item, diag, "a mood band", ScenarioFields.MoodBand);
            if (b is null)
            {
                continue;
            }

            var id = b.Text("id", required: true);
            var max = b.Int("max", 0, 100, required: true) ?? 100;
            if (max <= last)
            {
                diag.Add(b.MarkOf("max"), $"mood band '{id}' must end above the band before it ({last}); list bands from angriest to happiest");
            }

            if (bands.Any(x => x.Id == id))
            {
                diag.Add(b.MarkOf("id"), $"duplicate mood band id '{id}'");
            }

            last = max;
            // A band the author does not name shows its id, in either UI language.
            bands.Add(new MoodBand(id, max, b.Bilingual("name") ?? LocalizedText.Both(id)));
            _bands.Add(id);
        }

        if (bands.Count > 0 && bands[^1].Max != 100)
        {
            diag.Add(f.MarkOf("bands"), "the last mood band must reach max: 100");
        }

        if (bands.Count == 0)
        {
            diag.Add(f.Mark, "mood needs at least one band");
        }

        return new MoodModel(
            f.Int("start", 0, 100, required: true) ?? 50,
            bands,
            f.Int("upheld", 0, 100) ?? 5,
            f.Int("violated", -100, 0) ?? -10);
    }

    private (string Id, Outcome Outcome, SourceMark Mark) ReadOutcome(YamlNode node)
    {
        var f = FieldReader.For(node, diag, "an outcome", ScenarioFields.Outcome);
        if (f is null)
        {
            return (string.Empty, null!, node.Mark);
        }

        var id = f.Text("id", required: true);
        CheckId(id, f.MarkOf("id"), "outcome id");
        var success = f.Bool("success") ?? false;
        if (success != (id == Scenario.ResolvedOutcomeId))
        {
            diag.Add(f.MarkOf(success ? "success" : "id"), success
                ? $"only the outcome 'resolved' may be a success; '{id}' has success: true"
                : "the outcome 'resolved' must have success: true");
        }

        var outcome = new Outcome(id, f.Text("title", required: true), success, f.Text("debrief", required: true), [.. f.Strings("questions").Select(q => q.Value.Trim())]);
        return (id, outcome, f.Mark);
    }

    private (string Id, ScenarioEvent Event, SourceMark Mark) ReadEvent(YamlNode node)
    {
        var f = FieldReader.For(node, diag, "an event", ScenarioFields.Event);
        if (f is null)
        {
            return (string.Empty, null!, node.Mark);
        }

        var id = f.Text("id", required: true);
        CheckId(id, f.MarkOf("id"), "event id");
        return (id, new ScenarioEvent(id, f.Text("label", required: true), f.Text("narration", required: true), f.Int("mood", -100, 100) ?? 0), f.Mark);
    }

    private BotLines ReadBots(YamlNode? node, string where, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                diag.Add(SourceMark.None, $"the scenario is missing '{where}': scripted lines per role and mood band, so bots can play empty roles");
            }

            return BotLines.Empty;
        }

        if (node is not YamlMapping roles)
        {
            diag.Add(node.Mark, $"{where} must map role ids to mood bands");
            return BotLines.Empty;
        }

        var byRole = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<BotLine>>>(StringComparer.Ordinal);
        foreach (var (roleKey, bandsNode) in roles.Entries)
        {
            Reference("role", roleKey.Value, roleKey.Mark);
            if (bandsNode is not YamlMapping bands)
            {
                diag.Add(bandsNode.Mark, $"{where}.{roleKey.Value} must map mood band ids to lists of lines");
                continue;
            }

            var byBand = new Dictionary<string, IReadOnlyList<BotLine>>(StringComparer.Ordinal);
            foreach (var (bandKey, linesNode) in bands.Entries)
            {
                Reference("band", bandKey.Value, bandKey.Mark);
                byBand[bandKey.Value] = ReadBotLines(linesNode, $"{where}.{roleKey.Value}.{bandKey.Value}");
            }

            byRole[roleKey.Value] = byBand;
        }

        if (required)
        {
            // A solo student may take any seat, so bots must be able to play every role in every mood.
            foreach (var role in _roleIds)
            {
                foreach (var band in _bands.Where(b => !byRole.TryGetValue(role, out var lines) || !lines.ContainsKey(b)))
                {
                    diag.Add(roles.Mark, $"{where} has no lines for role '{role}' in mood band '{band}'");
                }
            }
        }

        return new BotLines(byRole);
    }

    private List<BotLine> ReadBotLines(YamlNode node, string where)
    {
        var lines = new List<BotLine>();
        if (node is not YamlSequence seq || seq.Items.Count == 0)
        {
            diag.Add(node.Mark, $"{where} must be a non-empty list of lines");
            return lines;
        }

        foreach (var item in seq.Items)
        {
            if (item is YamlScalar s)
            {
                lines.Add(new BotLine(s.Value.Trim(), null));
                continue;
            }

            var f = FieldReader.For(item, diag, "a bot line", ScenarioFields.BotLine);
            if (f is not null)
            {
                lines.Add(new BotLine(f.Text("text", required: true), f.String("action")));
            }
        }

        return lines;
    }

    private void CheckReferences(
        List<(SourceMark Mark, (string Id, Role Role, bool IsCustomer, SourceMark Mark) Value)> roles,
        List<(SourceMark Mark, Stage Value)> stages,
        List<(SourceMark Mark, (string Id, Outcome Outcome, SourceMark Mark) Value)> outcomes,
        List<Cue> cues,
        List<(SourceMark Mark, (string Id, ScenarioEvent Event, SourceMark Mark) Value)> events)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["role"] = [.. roles.Select(r => r.Value.Id)],
            ["stage"] = [.. stages.Select(s => s.Value.Id)],
            ["outcome"] = [.. outcomes.Select(o => o.Value.Id)],
            ["cue"] = [.. cues.Select(c => c.Id)],
            ["event"] = [.. events.Select(e => e.Value.Id)],
            ["principle"] = [.. Principles.Ids],
        };
        known["target"] = [.. known["stage"], .. known["outcome"]];
        known["band"] = [.. _bands];

        foreach (var (cue, mark) in _calls)
        {
            if (!known["cue"].Contains(cue) && SharedCalls.Default.Find(cue) is null)
            {
                diag.Add(mark, $"unknown call '{cue}'; use a shared call ({Listed(SharedCalls.Default.Cues.Select(c => c.Id))}) or one of this scenario's cues ({Listed(known["cue"])})");
            }
        }

        foreach (var (kind, id, mark) in _references)
        {
            if (!known[kind].Contains(id))
            {
                var noun = kind == "target" ? "stage or outcome" : kind;
                diag.Add(mark, $"unknown {noun} '{id}'; known: {Listed(known[kind])}");
            }
        }

        foreach (var stage in stages)
        {
            foreach (var action in stage.Value.Actions)
            {
                // A staff role may be brought in later (called, stepping in, or by the instructor), so only the customer must be listed.
                if (!stage.Value.Present.Contains(action.Role) && roles.Any(r => r.Value.Id == action.Role && r.Value.IsCustomer))
                {
                    diag.Add(action.Mark, $"action '{action.Id}' belongs to role '{action.Role}', who is not present in stage '{stage.Value.Id}'");
                }

                if (action.Calls is { } called && roles.Any(r => r.Value.Id == called && r.Value.IsCustomer))
                {
                    diag.Add(action.Mark, $"action '{action.Id}' calls '{called}', the customer, who is in every stage; call a staff role");
                }
            }
        }
    }

    private void Reference(string kind, string? id, SourceMark mark)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _references.Add((kind, id, mark));
        }
    }

    private void CheckId(string id, SourceMark mark, string what)
    {
        if (id.Length > 0 && !IsId(id))
        {
            diag.Add(mark, $"{what} '{id}' may use only lowercase letters, digits and '-' (e.g. 'rest-area')");
        }
    }

    private static bool IsId(string id) =>
        id.Length <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && char.IsAsciiLetter(id[0]);

    private List<(SourceMark Mark, T Value)> Unique<T>(IEnumerable<T> items, string noun, Func<T, string?> id, Func<T, SourceMark> mark)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<(SourceMark, T)>();
        foreach (var item in items)
        {
            var key = id(item);
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (!seen.Add(key))
            {
                diag.Add(mark(item), $"duplicate {noun} id '{key}'");
                continue;
            }

            list.Add((mark(item), item));
        }

        return list;
    }

    internal static string Listed(IEnumerable<string> ids)
    {
        var list = ids.Where(i => i.Length > 0).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
