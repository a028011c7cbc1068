package org.openparking.api.lots;

import org.openparking.api.shared.Money;

/**
 * The source object of the GraphQL {@code Tariff} type: what one spot class of a lot costs. {@code dailyMaximum} is
 * empty (null) when a day is not capped.
 */
public record TariffView(SpotClass spotClass, Money hourlyRate, Money dailyMaximum, Money minimumCharge) {
}
