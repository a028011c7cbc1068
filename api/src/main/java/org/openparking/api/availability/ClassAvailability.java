package org.openparking.api.availability;

import org.openparking.api.lots.SpotClass;

/** Spots of one class in a lot: {@code total} counts every spot of the class, {@code free} the bookable ones. */
public record ClassAvailability(SpotClass spotClass, int free, int total) {
}
