package dev.aicostadvisor.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.Expectation;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.ForecastInputs;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.model.WeeklySpend;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.scenario.TreeParser.Syntax;

/**
 * Reads scenarios from YAML or JSON files and from JSON Lines, and checks every field against the schema.
 *
 * <p>Every problem ends in an {@link InvalidScenarioException} whose one-line message names the file, the
 * line, the field, the value and what is allowed. Unknown fields are errors, so that a misspelt field is
 * never silently ignored.
 */
public final class ScenarioReader {

    /** The largest scenario file accepted, in bytes; a full scenario is about 2 KB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    static final List<String> TOP_FIELDS = List.of("name", "description", "org", "budget", "workload", "gpuFleet", "metrics",
            "forecast", "expect");
    static final String[] ORG_FIELDS = {"name", "aiMaturityMonths", "aiEngineers"};
    static final String[] BUDGET_FIELDS = {"monthlyUsd", "spentThisMonthUsd"};
    static final String[] WORKLOAD_FIELDS = {"dataSensitivity", "businessDriver", "latencyTargetMs", "impact",
            "tokensPerMonth", "pattern", "queryMix"};
    static final String[] QUERY_MIX_FIELDS = {"complex", "balanced", "simple"};
    static final String[] GPU_FLEET_FIELDS = {"gpus", "utilizationPercent", "hourlyCostUsd", "gpuType"};
    static final String[] METRICS_FIELDS = {"costPerMillionTokensUsd", "targetCostPerMillionTokensUsd", "latencyP95Ms",
            "roi", "cacheHitRate"};
    static final String[] FORECAST_FIELDS = {"inputTokenShare", "models", "batchShare", "weeklyGrowthPercent", "history"};
    static final String[] MODELS_FIELDS = {"large", "medium", "small"};
    static final String[] HISTORY_FIELDS = {"week", "forecastUsd", "actualUsd"};
    static final String[] EXPECT_FIELDS = {"present", "absent"};

    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_DESCRIPTION_LENGTH = 10_000;

    private ScenarioReader() {
    }

    /**
     * Reads a scenario file: JSON when its name ends in {@code .json}, YAML otherwise.
     *
     * @throws InvalidScenarioException when the file is missing, unreadable or invalid
     */
    public static Scenario read(Path file) {
        String source = file.toString();
        String text = readText(file, source);
        Syntax syntax = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? Syntax.JSON : Syntax.YAML;
        return bind(TreeParser.parse(text, syntax, source, 1), source);
    }

    /** Parses a scenario written in YAML (of which JSON is a subset). */
    public static Scenario parseYaml(String text, String source) {
        return bind(TreeParser.parse(text, Syntax.YAML, source, 1), source);
    }

    /** Parses a scenario written in JSON. */
    public static Scenario parseJson(String text, String source) {
        return bind(TreeParser.parse(text, Syntax.JSON, source, 1), source);
    }

    /**
     * Parses one line of a JSON Lines stream.
     *
     * @param lineNumber the line's number in the stream, from 1, for messages
     */
    public static Scenario parseJsonLine(String line, String source, int lineNumber) {
        if (line.length() > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(source, lineNumber, null,
                    "the line is " + line.length() + " characters long; a scenario may be at most " + MAX_FILE_BYTES);
        }
        return bind(TreeParser.parse(line, Syntax.JSON, source, lineNumber), source);
    }

    /** Lists the scenario files of a folder and its sub-folders: every .yaml, .yml and .json file, sorted by path. */
    public static List<Path> listScenarioFiles(Path directory) {
        try (var walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> isScenarioFile(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidScenarioException(directory.toString(), 0, null, "cannot list the folder: " + e.getMessage());
        }
    }

    private static boolean isScenarioFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }

    private static String readText(Path file, String source) {
        if (Files.isDirectory(file)) {
            throw new InvalidScenarioException(source, 0, null, "is a folder; give a scenario file (.yaml, .yml or .json)");
        }
        byte[] bytes;
        try {
            if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    throw new InvalidScenarioException(source, 0, null,
                            "the file is " + size + " bytes; a scenario file may be at most " + MAX_FILE_BYTES + " bytes");
                }
            }
            bytes = readAtMost(file, source);
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(source, 0, null, "file not found");
        } catch (IOException e) {
            throw new InvalidScenarioException(source, 0, null, "cannot be read: " + e.getMessage());
        }
        return decodeUtf8(bytes, source);
    }

    /**
     * Reads a file of at most {@link #MAX_FILE_BYTES}, never more. A pipe or a device such as
     * {@code /dev/zero} reports no size in advance, so the limit is checked while reading.
     */
    private static byte[] readAtMost(Path file, String source) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InvalidScenarioException(source, 0, null,
                        "the input is longer than " + MAX_FILE_BYTES + " bytes; a scenario file may be at most " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /** Decodes UTF-8 strictly, dropping a byte order mark; names the line of the first invalid byte. */
    static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidScenarioException(source, line, null,
                    "invalid UTF-8 at byte " + offset + "; save the file as UTF-8");
        }
    }

    /** Checks a parsed document against the schema and builds the scenario. */
    static Scenario bind(Node.MapNode root, String source) {
        MapReader top = new MapReader(source, "", root, TOP_FIELDS);
        Scenario.Builder builder = Scenario.builder(top.line("name", true, MAX_NAME_LENGTH))
                .description(top.text("description", false, MAX_DESCRIPTION_LENGTH))
                .source(source);

        MapReader org = top.map("org", true, ORG_FIELDS);
        builder.org(new Org(org.line("name", false, MAX_NAME_LENGTH),
                org.decimal("aiMaturityMonths", true, BigDecimal.ZERO, false, Limits.MAX_MATURITY_MONTHS, "8"),
                (int) org.whole("aiEngineers", true, 0, Limits.MAX_ENGINEERS, "3", 0)));

        MapReader budget = top.map("budget", true, BUDGET_FIELDS);
        builder.budget(new Budget(
                budget.decimal("monthlyUsd", true, BigDecimal.ZERO, false, Limits.MAX_USD, "45000"),
                budget.decimal("spentThisMonthUsd", false, BigDecimal.ZERO, false, Limits.MAX_USD, "30000")));

        builder.workload(readWorkload(top.map("workload", true, WORKLOAD_FIELDS), source));

        MapReader fleet = top.map("gpuFleet", false, GPU_FLEET_FIELDS);
        if (fleet != null) {
            builder.gpuFleet(new GpuFleet(
                    (int) fleet.whole("gpus", true, 1, Limits.MAX_GPUS, "16", 0),
                    fleet.decimal("utilizationPercent", true, BigDecimal.ZERO, false, Limits.HUNDRED, "42"),
                    fleet.decimal("hourlyCostUsd", true, BigDecimal.ZERO, false, Limits.MAX_HOURLY_GPU_USD, "4.10"),
                    fleet.text("gpuType", false, MAX_NAME_LENGTH)));
            if (fleet.has("gpuType")) {
                builder.line("gpuFleet.gpuType", fleet.lineOf("gpuType"));
            }
        }

        MapReader metrics = top.map("metrics", false, METRICS_FIELDS);
        if (metrics != null) {
            builder.metrics(new Metrics(
                    metrics.decimal("costPerMillionTokensUsd", false, BigDecimal.ZERO, false, Limits.MAX_COST_PER_MILLION_TOKENS_USD, "2.0"),
                    metrics.decimal("targetCostPerMillionTokensUsd", false, BigDecimal.ZERO, false, Limits.MAX_COST_PER_MILLION_TOKENS_USD, "1.5"),
                    metrics.decimal("latencyP95Ms", false, BigDecimal.ZERO, false, Limits.MAX_LATENCY_MS, "600"),
                    metrics.decimal("roi", false, BigDecimal.ZERO, false, Limits.MAX_ROI, "2.9"),
                    metrics.decimal("cacheHitRate", false, BigDecimal.ZERO, false, BigDecimal.ONE, "0.3")));
        }

        MapReader forecast = top.map("forecast", false, FORECAST_FIELDS);
        if (forecast != null) {
            builder.forecast(readForecast(forecast, builder));
        }

        MapReader expect = top.map("expect", false, EXPECT_FIELDS);
        if (expect != null) {
            builder.expectation(readExpectation(expect, source));
        }
        return builder.build();
    }

    private static Workload readWorkload(MapReader workload, String source) {
        DataSensitivity sensitivity = workload.choice("dataSensitivity", DataSensitivity.class, true);
        BusinessDriver driver = workload.choice("businessDriver", BusinessDriver.class, true);
        BigDecimal latency = workload.decimal("latencyTargetMs", true, BigDecimal.ZERO, true, Limits.MAX_LATENCY_MS, "1200");
        BusinessImpact impact = workload.choice("impact", BusinessImpact.class, true);
        long tokens = workload.whole("tokensPerMonth", true, 0, Limits.MAX_TOKENS_PER_MONTH, "40000000", 0);
        WorkloadPattern pattern = workload.choice("pattern", WorkloadPattern.class, true);

        QueryMix mix = null;
        MapReader mixReader = workload.map("queryMix", false, QUERY_MIX_FIELDS);
        if (mixReader != null) {
            BigDecimal complex = mixReader.decimal("complex", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0.2");
            BigDecimal balanced = mixReader.decimal("balanced", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0.6");
            BigDecimal simple = mixReader.decimal("simple", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0.2");
            BigDecimal sum = complex.add(balanced).add(simple);
            if (sum.subtract(BigDecimal.ONE).abs().compareTo(QueryMix.SUM_TOLERANCE) > 0) {
                throw new InvalidScenarioException(source, mixReader.line(), "workload.queryMix",
                        "the shares sum to " + sum.toPlainString() + "; expected complex + balanced + simple = 1, such as 0.2, 0.6 and 0.2");
            }
            mix = new QueryMix(complex, balanced, simple);
        }
        return new Workload(sensitivity, driver, latency, impact, tokens, pattern, mix);
    }

    private static ForecastInputs readForecast(MapReader forecast, Scenario.Builder builder) {
        Map<SizeClass, String> models = new EnumMap<>(SizeClass.class);
        MapReader modelsReader = forecast.map("models", false, MODELS_FIELDS);
        if (modelsReader != null) {
            for (SizeClass sizeClass : SizeClass.values()) {
                String model = modelsReader.text(sizeClass.key(), false, MAX_NAME_LENGTH);
                if (model != null) {
                    models.put(sizeClass, model);
                    builder.line("forecast.models." + sizeClass.key(), modelsReader.lineOf(sizeClass.key()));
                }
            }
        }
        List<MapReader> weeks = forecast.mapList("history", HISTORY_FIELDS);
        if (weeks.size() > ForecastInputs.MAX_HISTORY_WEEKS) {
            throw forecast.invalid("history", weeks.size() + " weeks is too many; at most " + ForecastInputs.MAX_HISTORY_WEEKS + " are allowed");
        }
        List<WeeklySpend> history = new ArrayList<>();
        LocalDate previous = null;
        for (MapReader week : weeks) {
            LocalDate start = readDate(week, "week");
            if (previous != null && !start.isAfter(previous)) {
                throw week.invalid("week", "'" + start + "' is not after the week before it, " + previous + "; list the weeks oldest first");
            }
            previous = start;
            history.add(new WeeklySpend(start,
                    week.decimal("forecastUsd", true, BigDecimal.ZERO, true, Limits.MAX_USD, "10000"),
                    week.decimal("actualUsd", true, BigDecimal.ZERO, false, Limits.MAX_USD, "10450")));
        }
        return new ForecastInputs(
                forecast.decimal("inputTokenShare", false, BigDecimal.ZERO, false, BigDecimal.ONE, "0.75"),
                models,
                forecast.decimal("batchShare", false, BigDecimal.ZERO, false, BigDecimal.ONE, "0.2"),
                forecast.decimal("weeklyGrowthPercent", false, ForecastInputs.MIN_WEEKLY_GROWTH_PERCENT, false,
                        ForecastInputs.MAX_WEEKLY_GROWTH_PERCENT, "2"),
                history);
    }

    private static LocalDate readDate(MapReader map, String key) {
        String text = map.text(key, true, 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw map.invalid(key, "'" + text + "' is not a date; expected the week's first day as YYYY-MM-DD, such as 2026-11-02");
        }
    }

    private static Expectation readExpectation(MapReader expect, String source) {
        List<String> present = readNodeIds(expect, "present", source);
        List<String> absent = readNodeIds(expect, "absent", source);
        if (present.isEmpty() && absent.isEmpty()) {
            throw new InvalidScenarioException(source, expect.line(), "expect",
                    "checks nothing; list node ids under present or absent, such as present: [Vendor1], or remove expect");
        }
        for (String node : present) {
            if (absent.contains(node)) {
                throw expect.invalid("absent", "'" + node + "' is listed as both present and absent; keep it in one list");
            }
        }
        return new Expectation(present, absent);
    }

    private static List<String> readNodeIds(MapReader expect, String key, String source) {
        List<String> ids = new ArrayList<>();
        List<String> known = Flowchart.nodes().stream().map(node -> node.id()).toList();
        for (MapReader.Item item : expect.textList(key)) {
            if (!known.contains(item.text())) {
                String suggestion = MapReader.nearest(item.text(), known);
                throw new InvalidScenarioException(source, item.line(), expect.field(key),
                        "'" + item.text() + "' is not a flowchart node"
                                + (suggestion == null ? "; node ids are such as Vendor1, Deploy5, LowUtil" : "; did you mean '" + suggestion + "'?"));
            }
            if (!ids.contains(item.text())) {
                ids.add(item.text());
            }
        }
        return ids;
    }
}
