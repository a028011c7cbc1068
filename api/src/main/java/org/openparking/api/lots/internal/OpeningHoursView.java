package org.openparking.api.lots.internal;

import java.time.DayOfWeek;

/** The GraphQL {@code OpeningHours} type and {@code OpeningHoursInput}: times as "HH:mm" in the lot's zone. */
record OpeningHoursView(DayOfWeek dayOfWeek, String opens, String closes) {
}
