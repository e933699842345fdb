namespace RolePlay.Contracts;

/// <summary>Role ids the protocol itself defines, beside the scenario's own.</summary>
public static class RoleIds
{
    /// <summary>The seat of someone who watches and rates but never speaks; any session admits observers.</summary>
    public const string Observer = "observer";
}
