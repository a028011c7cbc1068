package org.openparking.api.availability.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;

public record Quote(UUID lotId, SpotClass spotClass, Instant from, Instant to, Money price, TariffView tariff) {
}
