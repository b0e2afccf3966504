package dev.aicostadvisor.pricing;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.aicostadvisor.model.SizeClass;

/**
 * Imports LiteLLM's model cost map, the most used public LLM price catalogue. It is a JSON object keyed by
 * model name; each entry gives {@code litellm_provider}, {@code mode}, {@code input_cost_per_token},
 * {@code output_cost_per_token} and, where they exist, {@code cache_read_input_token_cost},
 * {@code input_cost_per_token_batches} and {@code output_cost_per_token_batches}, all in USD per token.
 *
 * <p>The import keeps chat and completion models with a price. It skips the {@code sample_spec} key, which
 * documents the format, entries that are not objects, and other modes (embedding, image generation and so
 * on). It also skips entries missing an input or output price, with a price that is not a number, is
 * negative, is above {@link #MAX_PER_TOKEN_USD} or is above 0 but below {@link #MIN_PER_TOKEN_USD}, and
 * entries whose input and output prices are both 0. It counts each reason. One price of 0 is kept, because
 * some providers charge only for output. A cached or batch price out of those bounds is ignored, so the
 * regular price applies. A map from which no model is imported is rejected.
 *
 * <p>The imported models are added to the base catalogue's, replacing those of the same id, so the
 * catalogue's defaults and provisioned units keep their models when the map lacks them.
 *
 * <p>LiteLLM gives no size class. The import estimates one from the price tier: a blended price of three input
 * tokens to one output token of at least {@link #LARGE_FROM_USD} per million is large, at least
 * {@link #MEDIUM_FROM_USD} is medium, and anything cheaper is small.
 */
public final class LiteLlmImporter {

    /** Blended USD per million tokens from which an imported model counts as large (gpt-4.1 blends to 3.50). */
    public static final BigDecimal LARGE_FROM_USD = new BigDecimal("3.00");
    /** Blended USD per million tokens from which an imported model counts as medium (gpt-4.1-mini blends to 0.70). */
    public static final BigDecimal MEDIUM_FROM_USD = new BigDecimal("0.50");

    /** The highest price accepted, 100,000 USD per million tokens, as the advisor's own format allows. */
    public static final BigDecimal MAX_PER_TOKEN_USD = new BigDecimal("0.1");
    /**
     * The lowest price above 0 accepted, 0.000001 USD per million tokens. The cheapest chat price in LiteLLM's
     * map was 1e-9 USD per token when this bound was set, so a lower price is most likely a unit or typing
     * mistake.
     */
    public static final BigDecimal MIN_PER_TOKEN_USD = new BigDecimal("1e-12");

    private static final BigDecimal MILLION = new BigDecimal("1000000");
    /**
     * The significant digits an imported price keeps. LiteLLM writes prices as doubles, which carry at most 17,
     * so rounding loses nothing of a real price and keeps later arithmetic short.
     */
    private static final MathContext PRICE_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);
    private static final String MISSING_PRICE = "missing an input or output price";
    private static final BigDecimal FOUR = new BigDecimal("4");
    private static final BigDecimal THREE = new BigDecimal("3");
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private LiteLlmImporter() {
    }

    /** Tells whether a text looks like LiteLLM's cost map: a JSON object with LiteLLM's field names. */
    static boolean looksLikeLiteLlm(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") && (text.contains("\"litellm_provider\"") || text.contains("\"input_cost_per_token\""));
    }

    /**
     * Imports the models of a cost map into a copy of {@code base}.
     *
     * @param fileDate the file's last-modified date, which the report labels as such because the map gives no
     *                 date of its own
     */
    public static PricingCatalogue importInto(PricingCatalogue base, String json, String location, LocalDate fileDate) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidPricingException(location + (line > 0 ? ":" + line : "") + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPricingException(location + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPricingException(location + ": expected a JSON object keyed by model name, as LiteLLM's cost map is");
        }

        PriceSource source = new PriceSource("litellm-import", "LiteLLM model cost map, " + fileName(location), fileDate,
                PriceSource.DateKind.FILE_MODIFIED);
        List<ModelPrice> models = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String reason = skipReason(field.getKey(), field.getValue());
            if (reason != null) {
                skipped.merge(reason, 1, Integer::sum);
                continue;
            }
            models.add(toModel(field.getKey(), field.getValue(), source));
        }
        ImportReport report = new ImportReport(fileName(location), models.size(), skipped);
        if (models.isEmpty()) {
            throw new InvalidPricingException(location + ": no chat or completion model with prices was found; "
                    + report.skippedDescription() + ". Pass a LiteLLM cost map with at least one such model, "
                    + "or a catalogue in the advisor's format");
        }
        return base.withModels(location + " (LiteLLM cost map)", models, report);
    }

    /** Returns why an entry is skipped, or {@code null} to import it. */
    private static String skipReason(String key, JsonNode entry) {
        if (key.equals("sample_spec")) {
            return "not a model (sample_spec)";
        }
        if (!entry.isObject()) {
            return "not a model (not an object)";
        }
        JsonNode mode = entry.get("mode");
        if (mode == null || !mode.isTextual()) {
            return "without a mode";
        }
        if (!mode.asText().equals("chat") && !mode.asText().equals("completion")) {
            return "of mode " + mode.asText();
        }
        JsonNode input = entry.get("input_cost_per_token");
        JsonNode output = entry.get("output_cost_per_token");
        if (isMissing(input) || isMissing(output)) {
            return MISSING_PRICE;
        }
        String problem = priceProblem(input);
        if (problem == null) {
            problem = priceProblem(output);
        }
        if (problem != null) {
            return problem;
        }
        if (input.decimalValue().signum() == 0 && output.decimalValue().signum() == 0) {
            return "with input and output prices of 0";
        }
        return null;
    }

    private static ModelPrice toModel(String key, JsonNode entry, PriceSource source) {
        BigDecimal input = perMillion(entry.get("input_cost_per_token").decimalValue());
        BigDecimal output = perMillion(entry.get("output_cost_per_token").decimalValue());
        JsonNode provider = entry.get("litellm_provider");
        return new ModelPrice(key, provider != null && provider.isTextual() ? provider.asText() : "unknown",
                sizeClassOf(input, output), input, output,
                optionalPerMillion(entry.get("cache_read_input_token_cost")),
                optionalPerMillion(entry.get("input_cost_per_token_batches")),
                optionalPerMillion(entry.get("output_cost_per_token_batches")),
                source);
    }

    /** Estimates the size class of a model from its blended price of three input tokens to one output token. */
    static SizeClass sizeClassOf(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        BigDecimal blended = inputPerMillion.multiply(THREE).add(outputPerMillion).divide(FOUR);
        if (blended.compareTo(LARGE_FROM_USD) >= 0) {
            return SizeClass.LARGE;
        }
        return blended.compareTo(MEDIUM_FROM_USD) >= 0 ? SizeClass.MEDIUM : SizeClass.SMALL;
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull();
    }

    /**
     * Returns why a price per token cannot be imported, or {@code null} when it is 0 or within the bounds.
     * BigDecimal compares by exponent first, so even 1e-999999999 is checked without long arithmetic.
     */
    private static String priceProblem(JsonNode value) {
        if (!value.isNumber() || value.isDouble() && Double.isNaN(value.asDouble())) {
            return "with a price that is not a number";
        }
        if (value.isDouble() && Double.isInfinite(value.asDouble())) {
            return value.asDouble() > 0 ? priceAboveMaximum() : "with a negative price";
        }
        BigDecimal price = value.decimalValue();
        if (price.signum() < 0) {
            return "with a negative price";
        }
        if (price.compareTo(MAX_PER_TOKEN_USD) > 0) {
            return priceAboveMaximum();
        }
        if (price.signum() > 0 && price.compareTo(MIN_PER_TOKEN_USD) < 0) {
            return "with a price below " + MIN_PER_TOKEN_USD.toString().toLowerCase(Locale.ROOT) + " USD per token";
        }
        return null;
    }

    private static String priceAboveMaximum() {
        return "with a price above " + MAX_PER_TOKEN_USD.toPlainString() + " USD per token";
    }

    /** Reads a cached or batch price, or returns {@code null} when it is missing or cannot be imported. */
    private static BigDecimal optionalPerMillion(JsonNode value) {
        if (isMissing(value) || priceProblem(value) != null) {
            return null;
        }
        return perMillion(value.decimalValue());
    }

    private static BigDecimal perMillion(BigDecimal perToken) {
        return perToken.round(PRICE_DIGITS).multiply(MILLION).stripTrailingZeros();
    }

    private static String fileName(String location) {
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
        return slash < 0 ? location : location.substring(slash + 1);
    }
}
