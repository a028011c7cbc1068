package org.openparking.gateway.uplink;

/** Dead-letter reasons; the sensor_dead_letter table checks the same list. */
public enum RejectionReason {
	/** The body is larger than parking.gateway.uplink.max-payload; it was never parsed. */
	OVERSIZED,
	/** Not JSON (garbage bytes, truncated, trailing data, nested too deep). */
	MALFORMED_JSON,
	/** A field or the body has the wrong JSON type. */
	WRONG_TYPE,
	/** A required field is absent or null. */
	MISSING_FIELD,
	/** A field has the right type but an impossible value (unknown enum, out of range, not a date). */
	INVALID_VALUE,
	/** The sensor time is too far in the future or the past. */
	ABSURD_TIMESTAMP,
	/** The device is not in the registry (sensor_device). */
	UNKNOWN_DEVICE,
	/** The topic matches no uplink topic, names an invalid device id or disagrees with the payload. */
	BAD_TOPIC,
	/** A well-formed reading could not be processed (a data error in Redis or PostgreSQL). */
	PROCESSING_FAILED
}
