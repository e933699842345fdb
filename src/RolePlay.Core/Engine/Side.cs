using System.Text.Json.Serialization;

namespace RolePlay.Core.Engine;

/// <summary>
/// The two sides of a complaint: the customer, and the staff together. The engine says whose move it is by side
/// (<see cref="Play.Expecting"/>) and a stage opens to one (<see cref="Scenarios.Stage.Opens"/>); on the wire and in
/// scenario files the sides are <c>customer</c> and <c>staff</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Side>))]
public enum Side
{
    /// <summary>The customer's move.</summary>
    [JsonStringEnumMemberName("customer")]
    Customer,

    /// <summary>Any present member of staff may move.</summary>
    [JsonStringEnumMemberName("staff")]
    Staff,
}
