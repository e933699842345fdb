namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// The rectified units between a <see cref="ScorerModel"/>'s features and its scores: each unit sums its input
/// weights over the line's features, keeps the sum only when it is positive, and adds it, through its output
/// weights, to every principle's scores. A unit can learn a combination ("sorry" together with "you should
/// have") that no single feature's weight can.
/// </summary>
public sealed class HiddenLayer
{
    /// <summary>The most units a model file may declare; more would be a damaged file, not a model.</summary>
    public const int MaxSize = 1024;

    /// <summary>
    /// Creates a layer over the arrays given (kept, not copied: the input weights alone run to megabytes). The input
    /// weights are half floats, in memory as in the model file: half the bytes to read for every feature of a line,
    /// and a model scores exactly the same straight from training as after a round trip through its file.
    /// </summary>
    /// <param name="size">How many units.</param>
    /// <param name="biases">One bias per unit.</param>
    /// <param name="outputWeights">Per unit, one weight per principle and class (the model's width).</param>
    /// <param name="inputWeights">Per feature row of the model, one weight per unit.</param>
    public HiddenLayer(int size, float[] biases, float[] outputWeights, Half[] inputWeights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(outputWeights);
        ArgumentNullException.ThrowIfNull(inputWeights);
        if (biases.Length != size || outputWeights.Length % size != 0 || inputWeights.Length % size != 0)
        {
            throw new ArgumentException("the biases and weights do not match the layer's size");
        }

        Size = size;
        Biases = biases;
        OutputWeights = outputWeights;
        InputWeights = inputWeights;
    }

    /// <summary>How many units.</summary>
    public int Size { get; }

    /// <summary>One bias per unit.</summary>
    public float[] Biases { get; }

    /// <summary>Per unit, one weight per principle and class.</summary>
    public float[] OutputWeights { get; }

    /// <summary>Per feature row, one weight per unit.</summary>
    public Half[] InputWeights { get; }
}
