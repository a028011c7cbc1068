package org.openparking.gateway.uplink;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The published contract (mqtt/sensor-uplink.schema.json) and the parser agree on the basics. */
class UplinkSchemaTest {

	@Test
	void typesAndRequiredFieldsMatchTheParser() throws IOException {
		JsonNode schema;
		try (InputStream in = getClass().getResourceAsStream("/mqtt/sensor-uplink.schema.json")) {
			schema = JsonMapper.builder().build().readTree(in);
		}
		JsonNode definitions = schema.get("$defs");

		assertThat(strings(definitions.get("type").get("enum")))
			.containsExactlyElementsOf(Arrays.stream(ReadingType.values()).map(ReadingType::wireName).toList());
		assertThat(strings(definitions.get("native").get("required"))).containsExactlyInAnyOrder("type", "seq", "ts");
		assertThat(definitions.get("native").get("properties").get("seq").get("maximum").longValue())
			.isEqualTo(NativePayloads.MAX_SEQ);
		assertThat(strings(definitions.get("ttsEnvelope").get("required")))
			.containsExactlyInAnyOrder("end_device_ids", "received_at", "uplink_message");
		assertThat(definitions.get("deviceId").get("pattern").stringValue())
			.isEqualTo("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::stringValue).toList();
	}
}
