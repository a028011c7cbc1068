package org.openparking.api.sensing;

/** A rule raised an alert (CHECKED_IN alerts arrive already RESOLVED: they only inform). */
public record AlertRaised(AlertView alert) {
}
