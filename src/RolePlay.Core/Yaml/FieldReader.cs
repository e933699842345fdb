using System.Globalization;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping into typed values, reporting unknown, duplicate, missing
/// and mistyped fields to <see cref="Diagnostics"/> instead of stopping at the first.
/// </summary>
internal sealed class FieldReader
{
    /// <summary>The fields of text written in both languages as a mapping (see <see cref="Bilingual"/>).</summary>
    public static readonly IReadOnlyList<string> BilingualFields = ["zh", "en"];

    private readonly YamlMapping _map;
    private readonly Diagnostics _diag;
    private readonly string _where;

    private FieldReader(YamlMapping map, Diagnostics diag, string where, IReadOnlyCollection<string> allowed)
    {
        _map = map;
        _diag = diag;
        _where = where;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Value))
            {
                diag.Add(key.Mark, $"duplicate field '{key.Value}' in {where}");
            }
            else if (!allowed.Contains(key.Value))
            {
                diag.Add(key.Mark, $"unknown field '{key.Value}' in {where}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public SourceMark Mark => _map.Mark;

    /// <summary>A reader for <paramref name="node"/>, or null (with an error) when it is not a mapping.</summary>
    public static FieldReader? For(YamlNode? node, Diagnostics diag, string where, params IReadOnlyCollection<string> allowed)
    {
        if (node is YamlMapping map)
        {
            return new FieldReader(map, diag, where, allowed);
        }

        if (node is not null)
        {
            diag.Add(node.Mark, $"{where} must be a mapping of fields, not {node.Kind}");
        }

        return null;
    }

    public YamlNode? Node(string key) => _map.Get(key);

    public SourceMark MarkOf(string key) => _map.Get(key)?.Mark ?? _map.Mark;

    public string? String(string key, bool required = false)
    {
        var node = _map.Get(key);
        switch (node)
        {
            case null when required:
                _diag.Add(_map.Mark, $"{_where} is missing required field '{key}'");
                return null;
            case null:
                return null;
            case YamlScalar s:
                return s.Value;
            default:
                _diag.Add(node.Mark, $"'{key}' in {_where} must be text, not {node.Kind}");
                return null;
        }
    }

    public string Text(string key, bool required = false) => String(key, required)?.Trim() ?? string.Empty;

    public int? Int(string key, int min, int max, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _diag.Add(MarkOf(key), $"'{key}' in {_where} must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return value;
    }

    public double? Double(string key, double min, double max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _diag.Add(MarkOf(key), $"'{key}' in {_where} must be a number from {min} to {max}, not '{text}'");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                _diag.Add(MarkOf(key), $"'{key}' in {_where} must be true or false, not '{text}'");
                return null;
        }
    }

    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        var node = _map.Get(key);
        switch (node)
        {
            case null when required:
                _diag.Add(_map.Mark, $"{_where} is missing required list '{key}'");
                return [];
            case null:
                return [];
            case YamlSequence seq:
                return seq.Items;
            default:
                _diag.Add(node.Mark, $"'{key}' in {_where} must be a list, not {node.Kind}");
                return [];
        }
    }

    /// <summary>A list of text values; a single value is accepted as a one-item list.</summary>
    public IReadOnlyList<YamlScalar> Strings(string key, bool required = false)
    {
        var node = _map.Get(key);
        if (node is YamlScalar single)
        {
            return [single];
        }

        var result = new List<YamlScalar>();
        foreach (var item in List(key, required))
        {
            if (item is YamlScalar s)
            {
                result.Add(s);
            }
            else
            {
                _diag.Add(item.Mark, $"items of '{key}' in {_where} must be text, not {item.Kind}");
            }
        }

        return result;
    }

    /// <summary>
    /// Text a person reads in either UI language: one string, shown in both (an author writes once, in the scenario's
    /// language), or a mapping with <c>zh</c> and <c>en</c>; null when the field is absent or not readable.
    /// </summary>
    public LocalizedText? Bilingual(string key)
    {
        switch (_map.Get(key))
        {
            case null:
                return null;
            case YamlScalar s:
                return LocalizedText.Both(s.Value.Trim());
            case var node:
                var t = For(node, _diag, key, BilingualFields);
                return t is null ? null : new LocalizedText(t.Text("en", required: true), t.Text("zh", required: true));
        }
    }

    public YamlMapping? Mapping(string key, bool required = false)
    {
        var node = _map.Get(key);
        switch (node)
        {
            case null when required:
                _diag.Add(_map.Mark, $"{_where} is missing required field '{key}'");
                return null;
            case null:
                return null;
            case YamlMapping m:
                return m;
            default:
                _diag.Add(node.Mark, $"'{key}' in {_where} must be a mapping, not {node.Kind}");
                return null;
        }
    }
}
