using RolePlay.Core.Groups;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Groups;

/// <summary>A small scene for the group state: a timed walk-out, an event, a role that may step in and one that may not, and several bot lines per mood.</summary>
internal static class GroupFixture
{
    /// <summary>A fixed start, far from today: nothing in these tests reads the wall clock.</summary>
    public static readonly DateTime T0 = new(2030, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private const string Yaml = """
        id: group-test
        title: Group
        locale: en
        summary: A scene for the group state.
        roles:
          - id: customer
            name: Customer
            customer: true
            briefing: You are upset.
          - id: clerk
            name: Clerk
            briefing: You serve.
          - id: supervisor
            name: Supervisor
            briefing: You supervise.
            calledBy: [call-supervisor]
            stepIn: true
          - id: manager
            name: Manager
            briefing: You manage.
        mood:
          start: 40
          upheld: 5
          violated: -10
          bands:
            - { id: angry, max: 30 }
            - { id: calm, max: 100 }
        stages:
          - id: counter
            title: At the counter
            narration: A customer waits.
            present: [customer, clerk]
            opens: customer
            transitions:
              - to: crowd
                when: { event: queue }
              - to: resolved
                when: { cue: sorted, role: staff }
              - to: walked-out
                when: { secondsInStage: 60 }
          - id: crowd
            title: A queue forms
            narration: People wait behind the customer.
            present: [customer, clerk]
            opens: staff
            transitions:
              - to: resolved
                when: { cue: sorted, role: staff }
              - to: walked-out
                when: { secondsInStage: 30 }
        outcomes:
          - id: resolved
            title: Sorted
            success: true
            debrief: Done.
          - id: walked-out
            title: Walked out
            debrief: The customer left.
          - id: unresolved
            title: Not finished
            debrief: Not done.
        unfinished: unresolved
        cues:
          - id: sorted
            patterns: ['\bsorted\b']
        events:
          - id: queue
            label: A queue forms
            narration: Three people now wait behind the customer.
            mood: -5
        bots:
          customer:
            angry: ["Well?", "Hurry up."]
            calm: ["Fine.", "Go on.", "I see.", "Right.", "Hmm.", "And then?"]
          clerk:
            angry: ["Sorry."]
            calm: ["I'm sorry, let me look.", "One moment please."]
          supervisor:
            angry: ["Sorry."]
            calm: ["Sorry."]
          manager:
            angry: ["Sorry."]
            calm: ["Sorry."]
        """;

    private static readonly Lazy<Scenario> Loaded = new(() =>
    {
        var result = ScenarioLoader.Load(Yaml, "group-test.yaml");
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    });

    public static Scenario Scenario => Loaded.Value;

    public static GroupSetup Setup(int seed = 0) => new(Scenario, Fixtures.MiniScorer, seed);

    public static DateTime At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A group still in the lobby.</summary>
    public static GroupState Lobby(bool bots = false, int seed = 0, bool liveFeedback = true) =>
        new(Setup(seed), new GroupSettings(GroupPhase.Lobby, bots, liveFeedback));

    /// <summary>A group whose play opened at <see cref="T0"/>.</summary>
    public static GroupState Running(bool bots = false, int seed = 0, bool liveFeedback = true)
    {
        var state = Lobby(bots, seed, liveFeedback);
        state.Handle(new GroupCommand.StartClock(), T0);
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Running), T0);
        return state;
    }

    public static Seat Seat(string token, string role, double joinedSeconds = 0) => new(token, role, token, At(joinedSeconds));

    /// <summary>The one event of type <typeparamref name="T"/> among <paramref name="events"/>.</summary>
    public static T Single<T>(IReadOnlyList<GroupEvent> events)
        where T : GroupEvent => Assert.Single(events.OfType<T>());
}
