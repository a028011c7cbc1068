package org.openparking.api.live.internal;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.lots.LotId;
import org.openparking.api.shared.UserId;
import org.springframework.stereotype.Component;

/** The Redis pub/sub channel names, built in one place. */
@Component
class LiveChannels {

	private final String prefix;

	LiveChannels(LiveProperties properties) {
		this.prefix = properties.channelPrefix();
	}

	/** Spot changes of a lot and hints that its availability changed. */
	String lot(LotId lot) {
		return prefix + "lot:" + lot.value();
	}

	/** Alerts of a lot: a channel of their own, as few subscribers (operators) want them. */
	String alerts(LotId lot) {
		return prefix + "alerts:" + lot.value();
	}

	/** Observed states of a lot's spots: a channel of their own, so spot-status subscribers do not carry them. */
	String observations(LotId lot) {
		return prefix + "observations:" + lot.value();
	}

	String booking(BookingId booking) {
		return prefix + "booking:" + booking.value();
	}

	/** Events meant for one user only (their sessions). */
	String user(UserId user) {
		return prefix + "user:" + user.value();
	}
}
