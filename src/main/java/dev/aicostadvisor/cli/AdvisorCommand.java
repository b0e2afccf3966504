package dev.aicostadvisor.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.pricing.InvalidPricingException;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.MapReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/** The {@code advisor} command line: the entry point of the jar. */
@Command(name = "advisor", mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Recommends how to deploy, forecast and optimise AI spend, following the decision flowchart "
                        + "through its four phases and the success check. The rules are read at run time from "
                        + "--rules DIR, else from ./rules, else from the copy bundled in the jar."},
        subcommands = {RunCommand.class, CheckCommand.class, ValidateCommand.class, ExplainCommand.class,
                CoverageCommand.class, DiffCommand.class, SweepCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all is well",
                "1:an expectation failed (check)",
                "2:invalid input: a scenario, the rules, or an option, or a rule failed",
                "3:internal error in the advisor"})
public final class AdvisorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, for {@code run -}; replaceable so that tests can feed it. */
    InputStream stdin = System.in;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on the process's standard streams and returns its exit code, without exiting. */
    public static int execute(String... args) {
        return execute(System.in, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs the command line on the given streams and returns its exit code. */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        AdvisorCommand command = new AdvisorCommand();
        command.stdin = in;
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(AdvisorCommand::handle);
        commandLine.setParameterExceptionHandler(AdvisorCommand::handleUsage);
        // An empty path would mean the working folder, which no option wants: --rules '' would read every .drl below it.
        commandLine.registerConverter(Path.class, text -> {
            if (text.isBlank()) {
                throw new CommandLine.TypeConversionException("the path is empty; give a file or folder name");
            }
            return Path.of(text);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new MissingCommandException(spec.commandLine());
    }

    /** Thrown when {@code advisor} is run without a command, so that the error lists the commands. */
    private static final class MissingCommandException extends CommandLine.ParameterException {
        MissingCommandException(CommandLine commandLine) {
            super(commandLine, "missing command; give one of the commands below");
        }
    }

    /**
     * Reports a wrong option or argument in a line, with a pointer to the help, rather than picocli's default
     * of the whole usage text, which buries the message. A missing or unknown command also gets the list of
     * commands, since picocli's own message for an unknown one ("Unmatched argument at index 0") does not
     * say that a command was expected.
     */
    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String unknownCommand = unknownCommand(e);
        if (unknownCommand != null) {
            String nearest = MapReader.nearest(unknownCommand, List.copyOf(commandLine.getSubcommands().keySet()));
            err.println("error: unknown command '" + unknownCommand + "'"
                    + (nearest == null ? "; give one of the commands below" : "; did you mean '" + nearest + "'?"));
        } else {
            // picocli names the Java type a value failed to convert to; users know them as whole numbers.
            err.println("error: " + e.getMessage().replaceFirst("' is not (a long|an int)\\b", "' is not a whole number"));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        if (unknownCommand != null || e instanceof MissingCommandException) {
            CommandLine.Help help = commandLine.getHelp();
            err.print(help.commandListHeading() + help.commandList());
        }
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    /**
     * Returns the word given where a command was expected when picocli could not match it, as in
     * {@code advisor bogus}, or {@code null} for any other error.
     */
    private static String unknownCommand(CommandLine.ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || commandLine.getSubcommands().isEmpty()
                || commandLine.getParseResult() == null || commandLine.getParseResult().hasSubcommand()) {
            return null;
        }
        List<String> words = unmatched.getUnmatched();
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            return null;
        }
        return words.get(0);
    }

    /** Turns the advisor's errors into a message of a line or two and exit code 2. */
    private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidScenarioException || e instanceof InvalidRulesException || e instanceof EvaluationException
                || e instanceof InvalidPricingException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        err.println("internal error: " + e + " (rerun with --verbose for the stack trace, and please report it)");
        if (isVerbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdvisorCommand.class.getPackage().getImplementationVersion();
            return new String[] {"advisor " + (version == null ? "(development build)" : version)
                    + " (Drools 10.2.0, Java " + System.getProperty("java.version") + ")"};
        }
    }
}
