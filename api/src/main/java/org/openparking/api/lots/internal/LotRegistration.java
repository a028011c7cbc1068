package org.openparking.api.lots.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openparking.api.lots.LotChanged;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator's new lot with its levels and opening hours; spots and tariffs are added afterwards. */
@Service
class LotRegistration {

	private final Lots lots;

	private final Levels levels;

	private final OpeningPeriods openingPeriods;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LotRegistration(Lots lots, Levels levels, OpeningPeriods openingPeriods, ApplicationEventPublisher events,
			Clock clock) {
		this.lots = lots;
		this.levels = levels;
		this.openingPeriods = openingPeriods;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	LotView register(Caller caller, CreateLotInput input) {
		String operatorId = input.operatorId() == null ? caller.id().value() : input.operatorId();
		caller.requireOperatorOf(operatorId);
		NewLotRules.check(input);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		LotView.Address address = new LotView.Address(input.address().street(), input.address().city(),
				input.address().postalCode(), input.address().countryCode().toUpperCase(Locale.ROOT));
		Lot lot = lots.save(new Lot(id, operatorId, input.name(), address, input.location(),
				ZoneId.of(input.timeZone()), input.maxHeightCm(), now));
		levels.saveAll(input.levels()
			.stream()
			.map(level -> new Level(UUID.randomUUID(), id, level.code(), level.name(), level.ordinal()))
			.toList());
		openingPeriods.saveAll((input.openingHours() == null ? List.<OpeningHoursView>of() : input.openingHours())
			.stream()
			.map(day -> new OpeningPeriod(id, day.dayOfWeek(), DailyHours.parseOpening(day.opens()).orElseThrow(),
					DailyHours.parseClosing(day.closes()).orElseThrow()))
			.toList());
		events.publishEvent(new LotChanged(new LotId(id), "CREATED", now));
		return lot.toView(null);
	}
}
