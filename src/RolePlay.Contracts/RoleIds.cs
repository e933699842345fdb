namespace RolePlay.Contracts;

/// <summary>Role ids the protocol itself defines, beside the scenario's own.</summary>
public static class RoleIds
{
    /// <summary>The seat of someone who watches and rates but never speaks; any session admits observers.</summary>
    /// <remarks>The group state in Core seats observers by the same id; this is that constant, not a copy.</remarks>
    public const string Observer = Core.Groups.Seat.ObserverRole;
}
