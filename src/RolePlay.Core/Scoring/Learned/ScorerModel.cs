using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// A learned model: for each principle and each verdict (−1, 0, +1) a bias and one weight per feature, plus, when
/// trained with one, a <see cref="HiddenLayer"/> whose rectified units add what single features cannot say (a
/// polite opening that turns into blame). Written by <c>roleplay train</c> and read by <see cref="LearnedScorer"/>.
/// </summary>
public sealed class ScorerModel
{
    /// <summary>The file name of the shipped model, under <c>scenarios/scorer/</c>.</summary>
    public const string FileName = "model.bin";

    /// <summary>The verdicts a principle's three weight columns stand for, in column order.</summary>
    public static IReadOnlyList<int> Classes { get; } = [-1, 0, 1];

    private const int Magic = 0x43535052; // "RPSC"
    private const int FormatVersion = 2;
    private const string ResourceName = "RolePlay.scorer.bin";
    private readonly Dictionary<ulong, int> _rows;

    /// <summary>Creates a model from its parts; <paramref name="weights"/> holds, per feature row, principles × classes floats.</summary>
    public ScorerModel(IReadOnlyList<string> principles, float[] biases, ulong[] features, float[] weights, HiddenLayer? hidden = null)
    {
        ArgumentNullException.ThrowIfNull(principles);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        Principles = principles;
        Width = principles.Count * Classes.Count;
        if (biases.Length != Width || weights.Length != features.Length * Width)
        {
            throw new ArgumentException("biases and weights do not match the principles and features");
        }

        if (hidden is not null && (hidden.InputWeights.Length != features.Length * hidden.Size || hidden.OutputWeights.Length != hidden.Size * Width))
        {
            throw new ArgumentException("the hidden layer does not match the principles and features");
        }

        Biases = biases;
        Features = features;
        Weights = weights;
        Hidden = hidden;
        _rows = new Dictionary<ulong, int>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            _rows[features[i]] = i;
        }
    }

    /// <summary>The principle ids, in the order of the weight columns.</summary>
    public IReadOnlyList<string> Principles { get; }

    /// <summary>Principles × classes: the floats per feature row.</summary>
    public int Width { get; }

    /// <summary>One bias per principle and class.</summary>
    public float[] Biases { get; }

    /// <summary>The feature hashes, one per weight row.</summary>
    public ulong[] Features { get; }

    /// <summary>The weights, <see cref="Width"/> floats per feature row.</summary>
    public float[] Weights { get; }

    /// <summary>The hidden layer, or null for a purely linear model.</summary>
    public HiddenLayer? Hidden { get; }

    /// <summary>The weight row of a feature hash, or −1 when the model never learned it.</summary>
    public int RowOf(ulong hash) => _rows.TryGetValue(hash, out var row) ? row : -1;

    /// <summary>Reads a model written by <see cref="Write(Stream)"/>.</summary>
    public static ScorerModel Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip);
        var magic = reader.ReadInt32();
        var version = reader.ReadInt32();
        if (magic != Magic || version is < 1 or > FormatVersion)
        {
            throw new InvalidDataException("not a RolePlay scorer model (or one written by a newer version)");
        }

        var principles = new string[Declared(reader.ReadInt32(), 1, 64, "principles")];
        for (var i = 0; i < principles.Length; i++)
        {
            principles[i] = reader.ReadString();
        }

        var width = principles.Length * Classes.Count;
        var biases = ReadFloats(reader, width);
        // A table that could not fit in one array is a damaged file, not a model.
        var count = Declared(reader.ReadInt32(), 0, Array.MaxLength / (width * sizeof(float)), "features");
        var features = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            features[i] = reader.ReadUInt64();
        }

        var weights = ReadFloats(reader, count * width);

        // Version 1 models are linear; from version 2 a hidden layer may follow (size 0: none).
        var size = version >= 2 ? Declared(reader.ReadInt32(), 0, Math.Min(HiddenLayer.MaxSize, Array.MaxLength / (Math.Max(count, 1) * sizeof(float))), "hidden units") : 0;

        var hidden = size == 0 ? null : new HiddenLayer(size, ReadFloats(reader, size), ReadFloats(reader, size * width), ReadHalves(reader, count * size));
        return new ScorerModel(principles, biases, features, weights, hidden);
    }

    /// <summary>
    /// The model for a scenarios folder: <c>scorer/model.bin</c> inside it when present, else the copy of the shipped
    /// model that <paramref name="builtInHolder"/> embeds (see <see cref="Embedded"/>).
    /// </summary>
    public static ScorerModel ForScenariosFolder(string folder, Assembly builtInHolder)
    {
        ArgumentNullException.ThrowIfNull(builtInHolder);
        var path = Path.Combine(folder, "scorer", FileName);
        return File.Exists(path) ? Load(path) : Embedded(builtInHolder);
    }

    /// <summary>
    /// The shipped model as embedded in <paramref name="assembly"/> under the resource name <c>RolePlay.scorer.bin</c>.
    /// The programs that score (the server, the CLI) embed it; RolePlay.Core does not, because the browser client
    /// references Core and every phone would download a model it never uses.
    /// </summary>
    public static ScorerModel Embedded(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not embed the scorer model ({ResourceName}); run `roleplay train`");
        return Read(stream);
    }

    /// <summary>Reads a model file.</summary>
    public static ScorerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// <summary>Writes the model, gzip-compressed.</summary>
    public void Write(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Principles.Count);
        foreach (var p in Principles)
        {
            writer.Write(p);
        }

        foreach (var b in Biases)
        {
            writer.Write(b);
        }

        writer.Write(Features.Length);
        foreach (var f in Features)
        {
            writer.Write(f);
        }

        writer.Write(MemoryMarshal.AsBytes(Weights.AsSpan()));
        writer.Write(Hidden?.Size ?? 0);
        if (Hidden is { } hidden)
        {
            writer.Write(MemoryMarshal.AsBytes(hidden.Biases.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(hidden.OutputWeights.AsSpan()));

            // The input weights are most of the model, and half floats already.
            writer.Write(MemoryMarshal.AsBytes(hidden.InputWeights.AsSpan()));
        }
    }

    private static int Declared(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new InvalidDataException($"the model file declares {value} {what}; it is damaged");

    private static float[] ReadFloats(BinaryReader reader, int count) =>
        MemoryMarshal.Cast<byte, float>(ReadExactly(reader, count * sizeof(float))).ToArray();

    private static Half[] ReadHalves(BinaryReader reader, int count) =>
        MemoryMarshal.Cast<byte, Half>(ReadExactly(reader, count * 2)).ToArray();

    private static byte[] ReadExactly(BinaryReader reader, int length)
    {
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new InvalidDataException("the model file ends early; it is damaged or was cut short");
    }
}
