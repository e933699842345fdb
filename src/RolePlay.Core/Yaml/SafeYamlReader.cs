using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RolePlay.Core.Yaml;

/// <summary>Limits that keep a hostile YAML file from exhausting memory or time.</summary>
/// <param name="MaxBytes">Largest file accepted.</param>
/// <param name="MaxDepth">Deepest nesting of lists and mappings.</param>
/// <param name="MaxNodes">Most nodes, counting every node an alias expands to.</param>
/// <param name="MaxAliases">Most alias references.</param>
public sealed record YamlLimits(int MaxBytes = 1_048_576, int MaxDepth = 64, int MaxNodes = 200_000, int MaxAliases = 1_000)
{
    /// <summary>The limits used for scenario and rubric files.</summary>
    public static YamlLimits Default { get; } = new();
}

/// <summary>Thrown when a YAML file cannot be read; carries the position of the problem.</summary>
public sealed class YamlReadException(SourceMark mark, string message) : Exception(message)
{
    /// <summary>Where the problem is.</summary>
    public SourceMark Mark { get; } = mark;
}

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s while counting depth, nodes and aliases,
/// because YamlDotNet has no budget of its own and a few hundred bytes of aliases can expand to gigabytes.
/// </summary>
public static class SafeYamlReader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="YamlReadException"/> with a position on any problem.</summary>
    public static YamlNode Read(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxBytes)
        {
            throw new YamlReadException(new SourceMark(1, 1), $"file is too large ({text.Length:N0} characters; the limit is {limits.MaxBytes:N0})");
        }

        var bad = text.IndexOf('\0', StringComparison.Ordinal);
        if (bad >= 0)
        {
            throw new YamlReadException(MarkOf(text, bad), "file contains a NUL byte: it is binary, not YAML text");
        }

        var state = new ReaderState(limits);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new YamlReadException(new SourceMark(1, 1), "file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, state, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new YamlReadException(Mark(parser.Current?.Start), "only one YAML document is allowed per file (remove the extra '---')");
            }

            return root;
        }
        catch (YamlException ex)
        {
            throw new YamlReadException(Mark(ex.Start), "YAML syntax: " + Clean(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, for some unterminated flow collections.
            throw new YamlReadException(Mark(parser.Current?.End), "YAML syntax: the document breaks off after this point (an unclosed '[', '{' or quote?)");
        }
    }

    private static YamlNode ReadNode(IParser parser, ReaderState state, int depth)
    {
        if (depth > state.Limits.MaxDepth)
        {
            throw new YamlReadException(Mark(parser.Current?.Start), $"nesting is deeper than {state.Limits.MaxDepth} levels");
        }

        var current = parser.Current ?? throw new YamlReadException(SourceMark.None, "unexpected end of file");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return ExpandAlias(alias, state);
            case Scalar scalar:
                parser.MoveNext();
                var node = new YamlScalar(Mark(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
                return Remember(scalar.Anchor, node, size: 1, state);
            case SequenceStart seqStart:
            {
                parser.MoveNext();
                var before = state.Nodes;
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, state, depth + 1));
                }

                return Remember(seqStart.Anchor, new YamlSequence(Mark(seqStart.Start), items), state.Nodes - before + 1, state);
            }

            case MappingStart mapStart:
            {
                parser.MoveNext();
                var before = state.Nodes;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, state, depth + 1);
                    if (keyNode is not YamlScalar key)
                    {
                        throw new YamlReadException(keyNode.Mark, "mapping keys must be plain names, not lists or mappings");
                    }

                    entries.Add(new(key, ReadNode(parser, state, depth + 1)));
                }

                return Remember(mapStart.Anchor, new YamlMapping(Mark(mapStart.Start), entries), state.Nodes - before + 1, state);
            }

            default:
                throw new YamlReadException(Mark(current.Start), $"unexpected YAML element {current.GetType().Name}");
        }
    }

    private static YamlNode ExpandAlias(AnchorAlias alias, ReaderState state)
    {
        if (++state.Aliases > state.Limits.MaxAliases)
        {
            throw new YamlReadException(Mark(alias.Start), $"more than {state.Limits.MaxAliases} aliases: refusing to expand further");
        }

        if (!state.Anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlReadException(Mark(alias.Start), $"alias *{alias.Value.Value} refers to no anchor defined before it");
        }

        // The alias shares the anchored node, but counts as if expanded: that is what consumers will walk.
        Count(anchored.Size, alias.Start, state);
        return anchored.Node;
    }

    private static YamlNode Remember(AnchorName anchor, YamlNode node, long size, ReaderState state)
    {
        Count(1, node.Mark, state);

        if (!anchor.IsEmpty)
        {
            state.Anchors[anchor.Value] = (node, size);
        }

        return node;
    }

    private static void Count(long size, Mark start, ReaderState state) => Count(size, Mark(start), state);

    private static void Count(long size, SourceMark mark, ReaderState state)
    {
        state.Nodes += size;
        if (state.Nodes > state.Limits.MaxNodes)
        {
            throw new YamlReadException(mark, $"document expands to more than {state.Limits.MaxNodes:N0} nodes (an alias bomb?): refusing to read it");
        }
    }

    private static SourceMark Mark(Mark? mark) =>
        mark is not { } m ? SourceMark.None : new SourceMark((int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

    private static SourceMark MarkOf(string text, int index)
    {
        int line = 1, col = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return new SourceMark(line, col);
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (Line ...): "; the mark already says that.
    private static string Clean(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class ReaderState(YamlLimits limits)
    {
        public YamlLimits Limits { get; } = limits;

        public long Nodes { get; set; }

        public int Aliases { get; set; }

        public Dictionary<string, (YamlNode Node, long Size)> Anchors { get; } = new(StringComparer.Ordinal);
    }
}
