package org.openparking.gateway.uplink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.openparking.gateway.uplink.RejectionReason.INVALID_VALUE;
import static org.openparking.gateway.uplink.RejectionReason.MISSING_FIELD;
import static org.openparking.gateway.uplink.RejectionReason.WRONG_TYPE;

/** Typed access to one JSON object of a payload; every mismatch names the field's full path. A JSON null is absent. */
final class PayloadObject {

	private static final Pattern FIRMWARE = Pattern.compile("[\\x20-\\x7E]{1,32}");

	private static final double MAX_VOLTS = 10;

	private static final double VOLTS_OR_PERCENT = 5;

	private final JsonNode node;

	private final String path;

	private PayloadObject(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	static PayloadObject root(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new InvalidUplink(WRONG_TYPE, "the body is not a JSON object");
		}
		return new PayloadObject(node, "");
	}

	PayloadObject object(String name) {
		JsonNode value = required(name);
		if (!value.isObject()) {
			throw wrongType(name, "an object");
		}
		return new PayloadObject(value, path(name));
	}

	boolean has(String name) {
		return field(name) != null;
	}

	@Nullable
	Boolean bool(String name, boolean required) {
		JsonNode value = required ? required(name) : field(name);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			throw wrongType(name, "true or false");
		}
		return value.booleanValue();
	}

	long integer(String name, long max) {
		return integer(required(name), name, max);
	}

	long integerOr(String name, long max, long absent) {
		JsonNode value = field(name);
		return value == null ? absent : integer(value, name, max);
	}

	@Nullable
	Double number(String name, double min, double max) {
		JsonNode value = field(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw wrongType(name, "a number");
		}
		double number = value.doubleValue();
		if (!(number >= min && number <= max)) {
			throw new InvalidUplink(INVALID_VALUE, path(name) + " must be between " + min + " and " + max);
		}
		return number;
	}

	String text(String name) {
		JsonNode value = required(name);
		if (!value.isString()) {
			throw wrongType(name, "a string");
		}
		return value.stringValue();
	}

	@Nullable
	String textOrNull(String name) {
		return has(name) ? text(name) : null;
	}

	Instant timestamp(String name) {
		String text = text(name);
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
				.truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidUplink(INVALID_VALUE, path(name) + " is not an ISO-8601 time with an offset");
		}
	}

	@Nullable
	ReadingType type(boolean required) {
		String text = required ? text("type") : textOrNull("type");
		if (text == null) {
			return null;
		}
		return ReadingType.fromWire(text)
			.orElseThrow(() -> new InvalidUplink(INVALID_VALUE, path("type") + " must be status, heartbeat or startup"));
	}

	@Nullable
	Battery battery() {
		Double value = number("battery", 0, 100);
		String unit = textOrNull("battery_unit");
		if (value == null) {
			return null;
		}
		Battery.Unit parsed = switch (unit == null ? "" : unit) {
			case "V" -> Battery.Unit.VOLTS;
			case "%" -> Battery.Unit.PERCENT;
			case "" -> value <= VOLTS_OR_PERCENT ? Battery.Unit.VOLTS : Battery.Unit.PERCENT;
			default -> throw new InvalidUplink(INVALID_VALUE, path("battery_unit") + " must be V or %");
		};
		if (parsed == Battery.Unit.VOLTS && value > MAX_VOLTS) {
			throw new InvalidUplink(INVALID_VALUE, path("battery") + " must be at most " + MAX_VOLTS + " V");
		}
		return new Battery(value, parsed);
	}

	@Nullable
	String firmware() {
		String firmware = textOrNull("firmware");
		if (firmware != null && !FIRMWARE.matcher(firmware).matches()) {
			throw new InvalidUplink(INVALID_VALUE, path("firmware") + " must be 1 to 32 printable ASCII characters");
		}
		return firmware;
	}

	Iterable<JsonNode> arrayOrEmpty(String name) {
		JsonNode value = field(name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw wrongType(name, "an array");
		}
		return value;
	}

	PayloadObject element(JsonNode value, String arrayName, int index) {
		String elementPath = path(arrayName) + "[" + index + "]";
		if (!value.isObject()) {
			throw new InvalidUplink(WRONG_TYPE, elementPath + " must be an object");
		}
		return new PayloadObject(value, elementPath);
	}

	private long integer(JsonNode value, String name, long max) {
		if (!value.isIntegralNumber()) {
			throw wrongType(name, "an integer");
		}
		if (!value.canConvertToLong() || value.longValue() < 0 || value.longValue() > max) {
			throw new InvalidUplink(INVALID_VALUE, path(name) + " must be between 0 and " + max);
		}
		return value.longValue();
	}

	private JsonNode required(String name) {
		JsonNode value = field(name);
		if (value == null) {
			throw new InvalidUplink(MISSING_FIELD, path(name) + " is missing");
		}
		return value;
	}

	@Nullable
	private JsonNode field(String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() ? null : value;
	}

	private InvalidUplink wrongType(String name, String expected) {
		return new InvalidUplink(WRONG_TYPE, path(name) + " must be " + expected);
	}

	private String path(String name) {
		return path.isEmpty() ? name : path + "." + name;
	}
}
