package org.openparking.api.sensing;

/** An alert was acknowledged or resolved, by an operator or by the rule that raised it. */
public record AlertStatusChanged(AlertView alert) {
}
