package org.openparking.gateway.uplink;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The topic filters the gateway listens on, and which payload format and device a concrete topic means. */
@Component
public final class UplinkTopics {

	enum Format {
		NATIVE, TTS
	}

	record Match(Format format, String deviceId) {
	}

	private final TopicFilter nativeTopic;

	private final @Nullable TopicFilter ttsTopic;

	UplinkTopics(UplinkProperties properties) {
		this.nativeTopic = new TopicFilter(properties.topic());
		this.ttsTopic = properties.ttsTopic().isBlank() ? null : new TopicFilter(properties.ttsTopic());
	}

	/** The topic filters to subscribe to. */
	public List<String> filters() {
		List<String> filters = new ArrayList<>(List.of(nativeTopic.filter()));
		if (ttsTopic != null) {
			filters.add(ttsTopic.filter());
		}
		return filters;
	}

	/** The device segment of a topic, valid or not, for routing; null when no filter matches. */
	public @Nullable String deviceSegment(String topic) {
		Match match = match(topic);
		return match == null ? null : match.deviceId();
	}

	@Nullable
	Match match(String topic) {
		String device = nativeTopic.deviceSegment(topic);
		if (device != null) {
			return new Match(Format.NATIVE, device);
		}
		device = ttsTopic == null ? null : ttsTopic.deviceSegment(topic);
		return device == null ? null : new Match(Format.TTS, device);
	}

	/** A filter with single-level wildcards; the last one stands for the device id. */
	private static final class TopicFilter {

		private final String filter;

		private final String[] levels;

		private final int deviceLevel;

		TopicFilter(String filter) {
			this.filter = filter;
			this.levels = filter.split("/", -1);
			this.deviceLevel = List.of(levels).lastIndexOf("+");
			if (deviceLevel < 0 || filter.contains("#")) {
				throw new IllegalArgumentException("an uplink topic filter needs a + for the device id and no #: " + filter);
			}
		}

		String filter() {
			return filter;
		}

		@Nullable
		String deviceSegment(String topic) {
			String[] parts = topic.split("/", -1);
			if (parts.length != levels.length) {
				return null;
			}
			for (int i = 0; i < parts.length; i++) {
				if (!levels[i].equals("+") && !levels[i].equals(parts[i])) {
					return null;
				}
			}
			return parts[deviceLevel];
		}
	}
}
