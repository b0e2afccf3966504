package dev.aicostadvisor.pricing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.aicostadvisor.model.SizeClass;

/**
 * The prices the forecast uses: models, GPUs and provisioned throughput, each with its source and date, and the
 * model the forecast assumes for each size class when a scenario names none. Immutable.
 */
public final class PricingCatalogue {

    private final String description;
    private final Map<String, ModelPrice> models;
    private final Map<String, GpuPrice> gpus;
    private final List<ProvisionedUnit> provisioned;
    private final Map<SizeClass, String> defaultModels;
    private final ImportReport importReport;

    public PricingCatalogue(String description, List<ModelPrice> models, List<GpuPrice> gpus,
                            List<ProvisionedUnit> provisioned, Map<SizeClass, String> defaultModels, ImportReport importReport) {
        this.description = description;
        Map<String, ModelPrice> byId = new LinkedHashMap<>();
        models.forEach(model -> byId.put(model.id(), model));
        this.models = Collections.unmodifiableMap(byId);
        Map<String, GpuPrice> gpuById = new LinkedHashMap<>();
        gpus.forEach(gpu -> gpuById.put(gpu.id(), gpu));
        this.gpus = Collections.unmodifiableMap(gpuById);
        this.provisioned = List.copyOf(provisioned);
        EnumMap<SizeClass, String> defaults = new EnumMap<>(SizeClass.class);
        defaults.putAll(defaultModels);
        this.defaultModels = Collections.unmodifiableMap(defaults);
        this.importReport = importReport;
    }

    /** Describes where the catalogue came from, such as {@code rules/pricing.yaml}. */
    public String description() {
        return description;
    }

    public Optional<ModelPrice> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Map<String, ModelPrice> models() {
        return models;
    }

    public Optional<GpuPrice> gpu(String id) {
        return Optional.ofNullable(gpus.get(id));
    }

    public Map<String, GpuPrice> gpus() {
        return gpus;
    }

    public List<ProvisionedUnit> provisioned() {
        return provisioned;
    }

    /** Returns the provisioned throughput units that serve a model. */
    public List<ProvisionedUnit> provisionedFor(String modelId) {
        List<ProvisionedUnit> units = new ArrayList<>();
        for (ProvisionedUnit unit : provisioned) {
            if (unit.model().equals(modelId)) {
                units.add(unit);
            }
        }
        return units;
    }

    /** Returns the model assumed for a size class when the scenario names none. */
    public Optional<String> defaultModel(SizeClass sizeClass) {
        return Optional.ofNullable(defaultModels.get(sizeClass));
    }

    public Map<SizeClass, String> defaultModels() {
        return defaultModels;
    }

    /** Returns how an imported catalogue was read, or empty for the catalogue's own format. */
    public Optional<ImportReport> importReport() {
        return Optional.ofNullable(importReport);
    }

    /**
     * Returns a catalogue with more model prices: the given models are added, replacing those of the same id,
     * and this catalogue's GPUs, provisioned units and defaults are kept.
     */
    public PricingCatalogue withModels(String newDescription, List<ModelPrice> newModels, ImportReport report) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(models);
        newModels.forEach(model -> merged.put(model.id(), model));
        return new PricingCatalogue(newDescription, List.copyOf(merged.values()), List.copyOf(gpus.values()), provisioned,
                defaultModels, report);
    }
}
