package org.openparking.api.holds;

import org.openparking.api.shared.graphql.UserError;

public sealed interface HoldOutcome {

	record Placed(Hold hold) implements HoldOutcome {
	}

	record Refused(UserError error) implements HoldOutcome {
	}
}
