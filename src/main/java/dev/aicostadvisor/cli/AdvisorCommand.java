package dev.aicostadvisor.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.pricing.InvalidPricingException;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.scenario.InvalidScenarioException;
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
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: give run, check or another command below");
    }

    /**
     * Reports a wrong option or argument in a line, with a pointer to the help, rather than picocli's default
     * of the whole usage text, which buries the message.
     */
    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.INVALID_INPUT;
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
