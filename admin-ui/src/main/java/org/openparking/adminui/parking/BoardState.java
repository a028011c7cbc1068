package org.openparking.adminui.parking;

/**
 * The one state a spot tile shows, combining the administrative, commercial and observed states. A closed spot is
 * closed whatever else is true; a car where nothing was sold is the first thing an operator must see; what was sold
 * comes next; a sensor that cannot tell hides only an unsold spot.
 */
public enum BoardState {

	FREE("Free"), HELD("Held"), BOOKED("Booked"), IN_SESSION("In session"),
	UNEXPECTED_OCCUPANCY("Unexpected occupancy"), UNKNOWN("Unknown"), CLOSED("Closed");

	private final String label;

	BoardState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The CSS class of a tile in this state, e.g. {@code spot-unexpected-occupancy}. */
	public String cssClass() {
		return "spot-" + name().toLowerCase().replace('_', '-');
	}

	public static BoardState of(AdministrativeState administrative, CommercialState commercial,
			ObservedState observed) {
		if (administrative != AdministrativeState.OPEN) {
			return CLOSED;
		}
		boolean sold = commercial == CommercialState.BOOKED || commercial == CommercialState.IN_SESSION;
		if (observed == ObservedState.OCCUPIED && !sold) {
			return UNEXPECTED_OCCUPANCY;
		}
		return switch (commercial) {
			case IN_SESSION -> IN_SESSION;
			case BOOKED -> BOOKED;
			case HELD -> HELD;
			case FREE -> observed == ObservedState.UNKNOWN ? UNKNOWN : FREE;
		};
	}
}
