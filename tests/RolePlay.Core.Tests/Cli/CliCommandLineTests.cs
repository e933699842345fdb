namespace RolePlay.Core.Tests.Cli;

/// <summary>The command line itself: help on the tool and every verb, and usage errors that exit 2 and name the problem.</summary>
public class CliCommandLineTests
{
    private static readonly string Mini = TestPaths.Fixture("mini.yaml");

    public static TheoryData<string> Verbs => ["validate", "graph", "score", "replay", "train", "evaluate", "export-ratings", "load"];

    [Fact]
    public void Help_on_the_tool_lists_every_verb_and_exits_zero()
    {
        var (code, output, err) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("roleplay [command] [options]", output);
        foreach (var verb in Verbs)
        {
            Assert.Contains($"  {verb} ", output);
        }
    }

    [Fact]
    public void Replay_help_lists_its_options_with_the_required_ones_marked_and_exits_zero()
    {
        // --scenario and --script are required, yet asking for help is not an error.
        var (code, output, err) = CliRunner.Run("replay", "--help");

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("roleplay replay [options]", output);
        Assert.Contains("--scenario <PATH> (REQUIRED)", output);
        Assert.Contains("--script <FILE.jsonl> (REQUIRED)", output);
        Assert.Contains("--scorer <learned|rubric>", output);
        foreach (var option in new[] { "--json", "--strict", "--seed <N>", "--model <FILE>" })
        {
            Assert.Contains(option, output);
        }
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_has_help(string verb)
    {
        foreach (var ask in new[] { "--help", "-h" })
        {
            var (code, output, _) = CliRunner.Run(verb, ask);

            Assert.Equal(0, code);
            Assert.Contains($"roleplay {verb}", output);
        }
    }

    [Fact]
    public void Help_verb_prints_the_tool_or_a_verbs_usage()
    {
        Assert.Contains("roleplay [command] [options]", CliRunner.Run("help").Out);
        var (code, output, _) = CliRunner.Run("help", "load");

        Assert.Equal(0, code);
        Assert.Contains("--groups <N>", output);
    }

    [Fact]
    public void No_verb_is_a_usage_error_with_the_verbs_listed()
    {
        var (code, output, err) = CliRunner.Run();

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("validate", err);
    }

    [Fact]
    public void An_unknown_verb_is_named()
    {
        var (code, output, err) = CliRunner.Run("frobnicate");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("'frobnicate'", err);
    }

    [Fact]
    public void An_unknown_option_is_named_with_the_near_miss()
    {
        var (code, output, err) = CliRunner.Run("replay", "--scenario", Mini, "--script", "s.jsonl", "--scenaro", "x");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Unrecognized command or argument '--scenaro'", err);
        Assert.Contains("Did you mean", err);
    }

    [Fact]
    public void An_option_given_to_validate_is_not_taken_for_a_file()
    {
        var (code, _, err) = CliRunner.Run("validate", Mini, "--strict");

        Assert.Equal(2, code);
        Assert.Contains("unknown option --strict", err);
    }

    [Fact]
    public void A_missing_required_option_is_named()
    {
        var (code, _, err) = CliRunner.Run("score", "--scenario", Mini);

        Assert.Equal(2, code);
        Assert.Contains("Option '--in' is required.", err);
    }

    [Theory]
    [InlineData("--groups must be a whole number from 1 to 2000, not 'abc'", "load", "--url", "http://127.0.0.1:9", "--key", "k", "--groups", "abc")]
    [InlineData("--groups must be a whole number from 1 to 2000, not '0'", "load", "--url", "http://127.0.0.1:9", "--key", "k", "--groups", "0")]
    [InlineData("--duration must be a whole number from 1 to 600, not '601'", "load", "--url", "http://127.0.0.1:9", "--key", "k", "--duration", "601")]
    [InlineData("--rate must be between 0 and 100 lines per second per group, not 'fast'", "load", "--url", "http://127.0.0.1:9", "--key", "k", "--rate", "fast")]
    [InlineData("--url must be an http or https address such as http://localhost:5000, not 'localhost'", "load", "--url", "localhost", "--key", "k")]
    [InlineData("--seed must be a whole number, not 'x'", "replay", "--scenario", "a.yaml", "--script", "s.jsonl", "--seed", "x")]
    [InlineData("--scorer must be learned or rubric, not 'ml'", "score", "--scenario", "a.yaml", "--in", "s.jsonl", "--scorer", "ml")]
    [InlineData("--split must be heldout, train or all, not 'test'", "evaluate", "--corpus", ".", "--split", "test")]
    [InlineData("--format must be mermaid or dot, not 'png'", "graph", "a.yaml", "--format", "png")]
    [InlineData("--l2 must be a number of 0 or more, not '-1'", "train", "--corpus", ".", "--out", "m.bin", "--l2", "-1")]
    [InlineData("no corpus folder at no-such-corpus", "train", "--corpus", "no-such-corpus", "--out", "m.bin")]
    public void A_bad_value_is_a_usage_error_that_names_the_option_and_what_it_takes(string message, params string[] args)
    {
        var (code, output, err) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, err);
    }

    [Fact]
    public void Options_keep_their_defaults_when_left_out()
    {
        // An empty corpus in a folder of its own: its scenarios are looked for in the parent folder.
        var folder = Directory.CreateTempSubdirectory("roleplay-").FullName;
        var corpus = Directory.CreateDirectory(Path.Combine(folder, "corpus")).FullName;
        try
        {
            // The report's title names the scorer and split that were used when neither option was given.
            var (code, output, err) = CliRunner.Run("evaluate", "--corpus", corpus);

            Assert.True(code == 0, err);
            Assert.Contains("### learned scorer, heldout split (0 lines)", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
