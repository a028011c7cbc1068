package org.openparking.adminui.parking;

/** The price of one spot class in a lot, in minor units. */
public record Tariff(SpotClass spotClass, String currency, long hourlyRateMinor, Long dailyMaximumMinor,
		long minimumChargeMinor) {
}
