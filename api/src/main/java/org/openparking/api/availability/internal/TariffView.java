package org.openparking.api.availability.internal;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.Money;

/** The source of the GraphQL {@code Tariff} inside a quote. */
public record TariffView(SpotClass spotClass, Money hourlyRate, Money dailyMaximum, Money minimumCharge) {
}
