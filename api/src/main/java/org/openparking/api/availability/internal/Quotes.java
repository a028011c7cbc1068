package org.openparking.api.availability.internal;

import java.time.Instant;
import java.util.Optional;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.stereotype.Service;

/** Prices a window before any hold, by the same rules ({@link Pricing}) a booking is charged by. */
@Service
public class Quotes {

	private final LotCatalog catalog;

	private final Pricing pricing;

	private final WindowRules windows;

	Quotes(LotCatalog catalog, Pricing pricing, WindowRules windows) {
		this.catalog = catalog;
		this.pricing = pricing;
		this.windows = windows;
	}

	public QuoteResult quote(String lotId, SpotClass spotClass, Instant from, Instant to) {
		Optional<LotId> lot = parse(lotId).filter(id -> catalog.lot(id).isPresent());
		if (lot.isEmpty()) {
			return QuoteResult.failed(UserError.of(UserErrorCode.NOT_FOUND, "No lot with id " + lotId, "input", "lotId"));
		}
		Optional<WindowRules.Problem> problem = windows.problem(from, to);
		if (problem.isPresent()) {
			return QuoteResult.failed(UserError.of(UserErrorCode.INVALID_WINDOW, problem.get().message(), "input",
					problem.get().field()));
		}
		TimeWindow window = new TimeWindow(from, to);
		Optional<TariffView> tariff = pricing.tariff(lot.get(), spotClass);
		Optional<Money> price = pricing.price(lot.get(), spotClass, window);
		if (tariff.isEmpty() || price.isEmpty()) {
			return QuoteResult.failed(UserError.of(UserErrorCode.TARIFF_MISSING,
					"The lot has no tariff for " + spotClass + " spots", "input", "spotClass"));
		}
		return QuoteResult.of(new Quote(lot.get().value(), spotClass, from, to, price.get(), tariff.get()));
	}

	private static Optional<LotId> parse(String lotId) {
		try {
			return Optional.of(LotId.parse(lotId));
		}
		catch (InvalidArgumentException ex) {
			return Optional.empty();
		}
	}
}
