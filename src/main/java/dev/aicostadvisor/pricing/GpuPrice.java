package dev.aicostadvisor.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one GPU costs per hour, in USD, on each kind of capacity.
 *
 * @param id                 the GPU's id in the catalogue, such as {@code h100-sxm}
 * @param gpu                the GPU model, such as "NVIDIA H100 SXM 80 GB"
 * @param provider           who rents it out
 * @param onDemandHourlyUsd  the on-demand price
 * @param reservedHourlyUsd  the reserved (committed) price, or {@code null} when not listed
 * @param spotHourlyUsd      the spot (interruptible) price, or {@code null} when not listed
 * @param source             where the prices come from
 */
public record GpuPrice(String id, String gpu, String provider, BigDecimal onDemandHourlyUsd,
                       BigDecimal reservedHourlyUsd, BigDecimal spotHourlyUsd, PriceSource source) {

    public GpuPrice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(onDemandHourlyUsd, "onDemandHourlyUsd");
        Objects.requireNonNull(source, "source");
    }
}
