package org.openparking.gateway.uplink;

import java.util.Arrays;
import java.util.Optional;

/** The {@code type} of an uplink, as spelled on the wire. */
public enum ReadingType {

	STATUS("status"), HEARTBEAT("heartbeat"), STARTUP("startup");

	private final String wireName;

	ReadingType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return wireName;
	}

	static Optional<ReadingType> fromWire(String value) {
		return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
	}
}
