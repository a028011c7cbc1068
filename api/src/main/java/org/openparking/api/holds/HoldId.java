package org.openparking.api.holds;

import java.util.UUID;

import org.openparking.api.lots.LotId;
import org.openparking.api.shared.graphql.InvalidArgumentException;

/**
 * A hold lives in Redis in its lot's hash slot, so its id carries the lot: any API node can find it without a lookup.
 * Its text form is {@code <lot uuid>.<hold uuid>}.
 */
public record HoldId(LotId lotId, UUID value) {

	public static HoldId newIn(LotId lot) {
		return new HoldId(lot, UUID.randomUUID());
	}

	public static HoldId parse(String text) {
		int dot = text == null ? -1 : text.indexOf('.');
		if (dot < 0) {
			throw new InvalidArgumentException("Not a hold id: " + text);
		}
		try {
			return new HoldId(new LotId(UUID.fromString(text.substring(0, dot))),
					UUID.fromString(text.substring(dot + 1)));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("Not a hold id: " + text);
		}
	}

	@Override
	public String toString() {
		return lotId.value() + "." + value;
	}
}
