package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.pricing.ModelPrice;

/**
 * The monthly token spend of one size class of the query mix.
 *
 * @param sizeClass    the size class
 * @param price        the model it is priced at, with its prices and their source
 * @param defaultModel whether the model is the catalogue's default because the scenario names none
 * @param share        the class's share of queries, from the query mix
 * @param tokens       the class's tokens per month
 * @param monthlyUsd   what those tokens cost a month, to the cent
 */
public record ClassCost(SizeClass sizeClass, ModelPrice price, boolean defaultModel, BigDecimal share, long tokens,
                        BigDecimal monthlyUsd) {
}
