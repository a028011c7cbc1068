package org.openparking.api.lots.internal;

import org.openparking.api.lots.SpotClass;

record SetTariffInput(String lotId, SpotClass spotClass, String currency, long hourlyRateMinor,
		Long dailyMaximumMinor, Long minimumChargeMinor, String idempotencyKey) {
}
