using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RolePlay.Server.Tests;

/// <summary>
/// Renders the parts of docs/protocol.md that the contract decides — hub methods, events, messages and their fields,
/// enums, refusal codes — from RolePlay.Contracts and its XML documentation. Each part sits between
/// <c>&lt;!-- contracts:NAME --&gt;</c> and <c>&lt;!-- /contracts:NAME --&gt;</c>; the prose around them is written by hand.
/// </summary>
internal static partial class ProtocolDoc
{
    /// <summary>The generated parts, by marker name.</summary>
    public static IReadOnlyDictionary<string, Func<string>> Sections { get; } = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["hub-methods"] = () => Methods(typeof(IRolePlayHub)),
        ["events"] = () => Events(typeof(IRolePlayClient)),
        ["baseline-hub"] = () => Methods(typeof(IBaselineHub)) + "\n" + Events(typeof(IBaselineClient)),
        ["refusals"] = Refusals,
        ["messages"] = Messages,
        ["enums"] = Enums,
    };

    private static readonly JsonNamingPolicy Camel = JsonNamingPolicy.CamelCase;
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly Dictionary<string, XElement> Members = LoadXmlDocs(typeof(IRolePlayHub).Assembly, typeof(Core.Engine.Play).Assembly);

    /// <summary><paramref name="doc"/> with every generated part rendered afresh; throws for a part that is missing or unknown.</summary>
    public static string Regenerate(string doc)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = Marked().Replace(doc, m =>
        {
            var name = m.Groups["name"].Value;
            var render = Sections.GetValueOrDefault(name) ?? throw new InvalidOperationException($"protocol.md has a generated part '{name}' that nothing renders");
            seen.Add(name);
            return $"<!-- contracts:{name} -->\n{render().TrimEnd()}\n<!-- /contracts:{name} -->";
        });
        var missing = Sections.Keys.Except(seen).ToList();
        return missing.Count == 0 ? result : throw new InvalidOperationException("protocol.md lacks the generated parts " + string.Join(", ", missing));
    }

    /// <summary><paramref name="doc"/> without its generated parts: the prose written by hand.</summary>
    public static string Prose(string doc) => Marked().Replace(doc, string.Empty);

    [GeneratedRegex(@"<!-- contracts:(?<name>[a-z-]+) -->.*?<!-- /contracts:\k<name> -->", RegexOptions.Singleline)]
    private static partial Regex Marked();

    private static string Methods(Type hub)
    {
        var sb = new StringBuilder("| method | arguments | answer | who and what |\n|---|---|---|---|\n");
        foreach (var method in hub.GetMethods())
        {
            var arguments = string.Join(", ", method.GetParameters().Select(p => $"`{p.Name}`: {TypeName(p.ParameterType, Nullability.Create(p))}"));
            var answer = method.ReturnType.IsGenericType ? TypeName(method.ReturnType.GetGenericArguments()[0], Nullability.Create(method.ReturnParameter).GenericTypeArguments[0]) : "—";
            sb.Append($"| `{method.Name}` | {Or(arguments)} | {answer} | {Cell(Summary(Id(method)))} |\n");
        }

        return sb.ToString();
    }

    private static string Events(Type client)
    {
        var sb = new StringBuilder("| event | message | when |\n|---|---|---|\n");
        foreach (var method in client.GetMethods())
        {
            var message = method.GetParameters().Single();
            sb.Append($"| `{method.Name}` | {TypeName(message.ParameterType, Nullability.Create(message))} | {Cell(Summary(Id(method)))} |\n");
        }

        return sb.ToString();
    }

    private static string Refusals()
    {
        var sb = new StringBuilder("| code | kind | HTTP | when |\n|---|---|---|---|\n");
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            var kind = code.KindOf();
            sb.Append($"| `{code}` | {kind} | {kind.HttpStatus()} | {Cell(Summary($"F:{typeof(RefusalCode).FullName}.{code}"))} |\n");
        }

        return sb.ToString();
    }

    private static string Messages()
    {
        var sb = new StringBuilder();
        foreach (var record in Reachable().Where(IsRecord).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            sb.Append($"### {record.Name}\n\n");
            if (Summary(Id(record)) is { Length: > 0 } summary)
            {
                sb.Append(summary).Append("\n\n");
            }

            sb.Append("| field | type | notes |\n|---|---|---|\n");
            foreach (var property in Fields(record))
            {
                sb.Append($"| `{JsonName(property)}` | {TypeName(property.PropertyType, Nullability.Create(property))} | {Cell(Param(record, property.Name))} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Enums()
    {
        var sb = new StringBuilder();
        foreach (var type in Reachable().Where(t => t.IsEnum && t != typeof(RefusalCode) && t != typeof(RefusalKind)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            sb.Append($"### {type.Name}\n\n").Append(Summary(Id(type))).Append("\n\n| value | meaning |\n|---|---|\n");
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                sb.Append($"| `{name}` | {Cell(Summary($"F:{type.FullName}.{field.Name}"))} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Every record and enum a client meets: the hubs' arguments, answers and events, the HTTP API's bodies, and what they hold.</summary>
    private static List<Type> Reachable()
    {
        var contracts = typeof(IRolePlayHub).Assembly;
        var roots = new[] { typeof(IRolePlayHub), typeof(IRolePlayClient), typeof(IBaselineHub), typeof(IBaselineClient) }
            .SelectMany(h => h.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Concat(contracts.GetExportedTypes().Where(t => IsRecord(t) && t != typeof(HubRefusal))); // a hub error's text, not a JSON message
        var found = new List<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (type.IsGenericType || type.IsArray || Nullable.GetUnderlyingType(type) is not null)
            {
                foreach (var inner in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
                {
                    queue.Enqueue(inner);
                }

                continue;
            }

            if (!type.FullName!.StartsWith("RolePlay.", StringComparison.Ordinal) || found.Contains(type) || !(IsRecord(type) || type.IsEnum))
            {
                continue;
            }

            found.Add(type);
            foreach (var property in IsRecord(type) ? Fields(type) : [])
            {
                queue.Enqueue(property.PropertyType);
            }
        }

        return found;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>A record's fields as JSON has them, in the order of its constructor.</summary>
    private static IEnumerable<PropertyInfo> Fields(Type record)
    {
        var order = record.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters().Select(p => p.Name).ToList();
        return record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetMethod!.GetParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => order.IndexOf(p.Name) is var i and >= 0 ? i : int.MaxValue);
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Camel.ConvertName(property.Name);

    /// <summary>A type as the tables write it: JSON's words, records and enums linked to their section.</summary>
    private static string TypeName(Type type, NullabilityInfo nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner, nullability) + "?";
        }

        var name = type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(DateTime) => "date-time",
            _ when type.IsGenericType && type.GetGenericArguments().Length == 2 =>
                $"{{{TypeName(type.GetGenericArguments()[0], nullability.GenericTypeArguments[0])}: {TypeName(type.GetGenericArguments()[1], nullability.GenericTypeArguments[1])}}}",
            _ when type.IsGenericType => TypeName(type.GetGenericArguments()[0], nullability.GenericTypeArguments[0]) + "[]",
            _ when type.IsArray => TypeName(type.GetElementType()!, nullability.ElementType!) + "[]",
            _ when type == typeof(RefusalCode) => "[RefusalCode](#refusal-codes)",
            _ => $"[{type.Name}](#{type.Name.ToLowerInvariant()})",
        };
        return !type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Id(Type type) => "T:" + type.FullName!.Replace('+', '.');

    private static string Id(MethodInfo method) =>
        Members.Keys.Single(k => k == $"M:{method.DeclaringType!.FullName}.{method.Name}" || k.StartsWith($"M:{method.DeclaringType!.FullName}.{method.Name}(", StringComparison.Ordinal));

    private static string Summary(string id) =>
        Members.TryGetValue(id, out var member) && member.Element("summary") is { } summary ? Text(summary) : string.Empty;

    private static string Param(Type record, string name) =>
        Members.TryGetValue(Id(record), out var member) && member.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name) is { } param
            ? Text(param)
            : string.Empty;

    /// <summary>XML documentation as one line of Markdown: <c>&lt;c&gt;</c> and references become code.</summary>
    private static string Text(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            sb.Append(node switch
            {
                XText text => text.Value,
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => $"`{(string?)reference.Attribute("name")}`",
                XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word => $"`{word.Value}`",
                XElement { Name.LocalName: "see" } see => $"`{Referenced((string?)see.Attribute("cref") ?? string.Empty)}`",
                XElement other => Text(other),
                _ => string.Empty,
            });
        }

        return Whitespace().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>The name a reference shows: a type's name, a member as Type.Member.</summary>
    private static string Referenced(string cref)
    {
        var path = cref[2..].Split('(')[0].Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) ? path[^1] : $"{path[^2]}.{path[^1]}";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Or(string text) => text.Length == 0 ? "—" : text;

    private static Dictionary<string, XElement> LoadXmlDocs(params Assembly[] assemblies) =>
        assemblies
            .SelectMany(a => XDocument.Load(Path.ChangeExtension(a.Location, ".xml")).Descendants("member"))
            .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
