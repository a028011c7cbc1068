package org.openparking.api.availability.internal;

import java.util.Optional;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tariff a quote shows beside its price; {@code Pricing} only exposes the hourly rate. */
@Repository
class Tariffs {

	private final JdbcClient jdbc;

	Tariffs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TariffView> of(LotId lot, SpotClass spotClass) {
		return jdbc.sql("""
				select currency, hourly_rate_minor, daily_maximum_minor, minimum_charge_minor from tariff
				where lot_id = ? and spot_class = ?""")
			.params(lot.value(), spotClass.name())
			.query((rs, row) -> {
				String currency = rs.getString("currency");
				long dailyMaximum = rs.getLong("daily_maximum_minor");
				return new TariffView(spotClass, new Money(rs.getLong("hourly_rate_minor"), currency),
						rs.wasNull() ? null : new Money(dailyMaximum, currency),
						new Money(rs.getLong("minimum_charge_minor"), currency));
			})
			.optional();
	}
}
