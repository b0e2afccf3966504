package dev.aicostadvisor.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.MapReader;
import dev.aicostadvisor.scenario.Node;
import dev.aicostadvisor.scenario.TreeParser;

/**
 * Reads a pricing catalogue: the advisor's own YAML format (the shipped {@code rules/pricing.yaml}), or
 * LiteLLM's model cost map, which {@link LiteLlmImporter} turns into model prices. The format is told from
 * the content, not the file name.
 *
 * <p>In the advisor's format every price names a source from the {@code sources} list, which gives the
 * source's title and the date the price was read.
 */
public final class PricingReader {

    /** The largest pricing file accepted; LiteLLM's full map is about 1.5 MB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final BigDecimal MAX_PRICE_PER_MILLION_USD = new BigDecimal("100000");
    private static final BigDecimal MAX_HOURLY_USD = new BigDecimal("10000");
    private static final BigDecimal MAX_MONTHLY_UNIT_USD = new BigDecimal("10000000");
    private static final int MAX_TEXT = 300;

    private static final TreeParser.DocumentKind CATALOGUE = new TreeParser.DocumentKind(
            "the pricing file is empty; it needs at least sources, defaults and models", "'sources:' and 'models:'");
    private static final List<String> TOP_FIELDS = List.of("sources", "defaults", "models", "gpus", "provisionedThroughput");
    private static final String[] SOURCE_FIELDS = {"name", "title", "asOf"};
    private static final String[] DEFAULT_FIELDS = {"large", "medium", "small"};
    private static final String[] MODEL_FIELDS = {"id", "provider", "sizeClass", "inputPerMillionUsd", "outputPerMillionUsd",
            "cachedInputPerMillionUsd", "batchInputPerMillionUsd", "batchOutputPerMillionUsd", "source"};
    private static final String[] GPU_FIELDS = {"id", "gpu", "provider", "onDemandHourlyUsd", "reservedHourlyUsd",
            "spotHourlyUsd", "source"};
    private static final String[] UNIT_FIELDS = {"id", "provider", "model", "unit", "monthlyUsdPerUnit", "termMonths",
            "minimumUnits", "inputTokensPerMinutePerUnit", "outputTokenWeight", "source"};

    private PricingReader() {
    }

    /**
     * Reads a pricing file. A LiteLLM cost map replaces the models of {@code base} and keeps its GPUs,
     * provisioned units and defaults, because it holds model prices only.
     *
     * @param base the catalogue that an imported LiteLLM map completes; may be {@code null} for the advisor's format
     * @throws InvalidPricingException when the file is missing, malformed or invalid
     */
    public static PricingCatalogue read(Path file, PricingCatalogue base) {
        String text = readText(file);
        String location = file.toString();
        if (LiteLlmImporter.looksLikeLiteLlm(text)) {
            if (base == null) {
                throw new InvalidPricingException(location + ": a LiteLLM cost map holds model prices only; "
                        + "load it on top of a catalogue in the advisor's format");
            }
            return LiteLlmImporter.importInto(base, text, location, lastModified(file));
        }
        return parse(text, location);
    }

    /** Parses a catalogue in the advisor's YAML format. */
    public static PricingCatalogue parse(String yaml, String location) {
        try {
            return bind(TreeParser.parse(yaml, TreeParser.Syntax.YAML, location, 1, CATALOGUE), location);
        } catch (InvalidScenarioException e) {
            throw new InvalidPricingException(e.getMessage(), e);
        }
    }

    private static PricingCatalogue bind(Node.MapNode root, String location) {
        MapReader top = new MapReader(location, "", root, TOP_FIELDS);

        Map<String, PriceSource> sources = new LinkedHashMap<>();
        for (MapReader entry : top.mapList("sources", SOURCE_FIELDS)) {
            String name = entry.text("name", true, MAX_TEXT);
            if (sources.containsKey(name)) {
                throw entry.invalid("name", "'" + name + "' is already the name of another source; give each source its own name");
            }
            sources.put(name, new PriceSource(name, entry.text("title", true, MAX_TEXT), date(entry, "asOf")));
        }

        List<ModelPrice> models = new ArrayList<>();
        Set<String> modelIds = new HashSet<>();
        for (MapReader entry : top.mapList("models", MODEL_FIELDS)) {
            String id = uniqueId(entry, modelIds);
            models.add(new ModelPrice(id, entry.text("provider", true, MAX_TEXT),
                    entry.choice("sizeClass", SizeClass.class, true),
                    price(entry, "inputPerMillionUsd", true), price(entry, "outputPerMillionUsd", true),
                    price(entry, "cachedInputPerMillionUsd", false), price(entry, "batchInputPerMillionUsd", false),
                    price(entry, "batchOutputPerMillionUsd", false), source(entry, sources)));
        }
        if (models.isEmpty()) {
            throw new InvalidPricingException(location + ": models: missing; the catalogue needs at least one model");
        }

        List<GpuPrice> gpus = new ArrayList<>();
        Set<String> gpuIds = new HashSet<>();
        for (MapReader entry : top.mapList("gpus", GPU_FIELDS)) {
            gpus.add(new GpuPrice(uniqueId(entry, gpuIds), entry.text("gpu", true, MAX_TEXT), entry.text("provider", true, MAX_TEXT),
                    entry.decimal("onDemandHourlyUsd", true, BigDecimal.ZERO, false, MAX_HOURLY_USD, "3.20"),
                    entry.decimal("reservedHourlyUsd", false, BigDecimal.ZERO, false, MAX_HOURLY_USD, "2.72"),
                    entry.decimal("spotHourlyUsd", false, BigDecimal.ZERO, false, MAX_HOURLY_USD, "2.00"),
                    source(entry, sources)));
        }

        List<ProvisionedUnit> units = new ArrayList<>();
        Set<String> unitIds = new HashSet<>();
        for (MapReader entry : top.mapList("provisionedThroughput", UNIT_FIELDS)) {
            String id = uniqueId(entry, unitIds);
            String model = entry.text("model", true, MAX_TEXT);
            if (!modelIds.contains(model)) {
                throw entry.invalid("model", "'" + model + "' is not a model of this catalogue" + nearestModel(model, modelIds)
                        + "; a provisioned unit serves one of the models listed under models");
            }
            units.add(new ProvisionedUnit(id, entry.text("provider", true, MAX_TEXT), model, entry.text("unit", true, MAX_TEXT),
                    entry.decimal("monthlyUsdPerUnit", true, BigDecimal.ZERO, true, MAX_MONTHLY_UNIT_USD, "260"),
                    (int) entry.whole("termMonths", true, 1, 120, "1", 0),
                    (int) entry.whole("minimumUnits", true, 1, 1_000_000, "15", 0),
                    entry.whole("inputTokensPerMinutePerUnit", true, 1, 1_000_000_000L, "2500", 0),
                    entry.decimal("outputTokenWeight", true, BigDecimal.ONE, false, new BigDecimal("100"), "4"),
                    source(entry, sources)));
        }

        Map<SizeClass, String> defaults = new EnumMap<>(SizeClass.class);
        MapReader defaultsReader = top.map("defaults", true, DEFAULT_FIELDS);
        for (SizeClass sizeClass : SizeClass.values()) {
            String model = defaultsReader.text(sizeClass.key(), true, MAX_TEXT);
            if (!modelIds.contains(model)) {
                throw defaultsReader.invalid(sizeClass.key(), "'" + model + "' is not a model of this catalogue" + nearestModel(model, modelIds)
                        + "; the default for each size class must be listed under models");
            }
            defaults.put(sizeClass, model);
        }
        return new PricingCatalogue(location, models, gpus, units, defaults, null);
    }

    private static String uniqueId(MapReader entry, Set<String> seen) {
        String id = entry.text("id", true, MAX_TEXT);
        if (!seen.add(id)) {
            throw entry.invalid("id", "'" + id + "' is listed twice; give each entry its own id");
        }
        return id;
    }

    private static BigDecimal price(MapReader entry, String key, boolean required) {
        return entry.decimal(key, required, BigDecimal.ZERO, false, MAX_PRICE_PER_MILLION_USD, "2.50");
    }

    private static PriceSource source(MapReader entry, Map<String, PriceSource> sources) {
        String name = entry.text("source", true, MAX_TEXT);
        PriceSource source = sources.get(name);
        if (source == null) {
            throw entry.invalid("source", "'" + name + "' is not listed under sources; known sources: " + String.join(", ", sources.keySet()));
        }
        return source;
    }

    private static LocalDate date(MapReader entry, String key) {
        String text = entry.text(key, true, 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw entry.invalid(key, "'" + text + "' is not a date; expected YYYY-MM-DD, such as 2026-07-24");
        }
    }

    private static String readText(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidPricingException(file + ": is a folder; give a pricing file (.yaml or LiteLLM's .json)");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidPricingException(file + ": the file is " + size + " bytes; a pricing file may be at most "
                        + MAX_FILE_BYTES + " bytes");
            }
            // A pipe or device reports no size, so the read itself stops one byte past the limit.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InvalidPricingException(file + ": the input is longer than " + MAX_FILE_BYTES
                        + " bytes; a pricing file may be at most that long");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new InvalidPricingException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InvalidPricingException(file + ": the file is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidPricingException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static LocalDate lastModified(Path file) {
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), java.time.ZoneOffset.UTC);
        } catch (IOException e) {
            throw new InvalidPricingException(file + ": cannot read the file's last-modified date, which the report "
                    + "gives with its prices: " + e.getMessage(), e);
        }
    }

    /** Returns " (did you mean 'X'?)" for the listed model nearest to an unknown id, or "" when none is near. */
    private static String nearestModel(String unknown, Collection<String> modelIds) {
        String nearest = MapReader.nearest(unknown, List.copyOf(modelIds));
        return nearest == null ? "" : " (did you mean '" + nearest + "'?)";
    }
}
