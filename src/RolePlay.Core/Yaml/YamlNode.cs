namespace RolePlay.Core.Yaml;

/// <summary>A position in a source file, 1-based, as authors see it in their editor.</summary>
public readonly record struct SourceMark(int Line, int Column)
{
    /// <summary>A mark for things that have no place in a file.</summary>
    public static readonly SourceMark None = new(0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A node of a parsed YAML document that remembers where it came from.</summary>
public abstract record YamlNode(SourceMark Mark)
{
    /// <summary>How the node is named in error messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar value (always kept as text; callers convert).</summary>
public sealed record YamlScalar(SourceMark Mark, string Value, bool IsPlain) : YamlNode(Mark)
{
    /// <inheritdoc />
    public override string Kind => "a value";
}

/// <summary>A sequence of nodes.</summary>
public sealed record YamlSequence(SourceMark Mark, IReadOnlyList<YamlNode> Items) : YamlNode(Mark)
{
    /// <inheritdoc />
    public override string Kind => "a list";
}

/// <summary>A mapping; keys keep their marks so unknown or duplicate keys can be pointed at.</summary>
public sealed record YamlMapping(SourceMark Mark, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(Mark)
{
    /// <inheritdoc />
    public override string Kind => "a mapping";

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k.Value == key)
            {
                return v;
            }
        }

        return null;
    }
}
