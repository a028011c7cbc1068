package org.openparking.gateway.devices;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-model sensor behaviour; a model without its own entry behaves as {@code defaultModel}.
 * Example: {@code PARKING_GATEWAY_MODELS_ACME_P1_HEARTBEATTIMEOUT=2h}.
 */
@ConfigurationProperties("parking.gateway")
public record SensorModels(@DefaultValue Map<String, SensorModel> models, @DefaultValue SensorModel defaultModel) {

	public SensorModel of(String model) {
		return models.getOrDefault(model, defaultModel);
	}
}
