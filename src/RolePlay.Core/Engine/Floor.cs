using Stateless;

namespace RolePlay.Core.Engine;

/// <summary>
/// Who holds the floor, as a Stateless machine whose guards are the turn rules of a play: staff may always answer the
/// customer's latest line, the customer may always answer staff, and either side may add to its own lines up to
/// <see cref="MaxInARow"/> in a row. Stage changes do not touch the floor, so a stage change set off by the customer's
/// own line never takes the staff's answer away. "Whose move" (<see cref="Play.Expecting"/>) is guidance on top of this.
/// </summary>
public sealed class Floor
{
    /// <summary>The most lines one side may say in a row before the other side answers.</summary>
    public const int MaxInARow = 3;

    private readonly StateMachine<Speaker, Speaker> _machine;
    private Speaker _last = Speaker.Nobody;

    /// <summary>Creates the floor before anyone has spoken.</summary>
    public Floor()
    {
        _machine = new StateMachine<Speaker, Speaker>(() => _last, s => _last = s);
        _machine.Configure(Speaker.Nobody)
            .Permit(Speaker.Customer, Speaker.Customer)
            .Permit(Speaker.Staff, Speaker.Staff);
        _machine.Configure(Speaker.Customer)
            .Permit(Speaker.Staff, Speaker.Staff)
            .PermitReentryIf(Speaker.Customer, () => InARow < MaxInARow, AddsToOwnLines);
        _machine.Configure(Speaker.Staff)
            .Permit(Speaker.Customer, Speaker.Customer)
            .PermitReentryIf(Speaker.Staff, () => InARow < MaxInARow, AddsToOwnLines);
    }

    /// <summary>The side that spoke last (<see cref="Speaker.Nobody"/> before the first line).</summary>
    public Speaker Last => _last;

    /// <summary>How many lines the side that spoke last has said in a row.</summary>
    public int InARow { get; private set; }

    /// <summary>The guard's description, as Stateless reports it when the guard fails and as the graph draws it.</summary>
    public static string AddsToOwnLines { get; } = $"at most {MaxInARow} lines in a row from one side";

    /// <summary>True when <paramref name="side"/> may speak now.</summary>
    public bool CanSpeak(Speaker side) => _machine.CanFire(side);

    /// <summary>Records a line by <paramref name="side"/>; the caller has checked <see cref="CanSpeak"/>.</summary>
    public void Spoke(Speaker side)
    {
        var again = side == _last;
        _machine.Fire(side);
        InARow = again ? InARow + 1 : 1;
    }
}

/// <summary>A side of the conversation.</summary>
public enum Speaker
{
    /// <summary>Nobody has spoken yet.</summary>
    Nobody,

    /// <summary>The customer.</summary>
    Customer,

    /// <summary>Any member of staff.</summary>
    Staff,
}
