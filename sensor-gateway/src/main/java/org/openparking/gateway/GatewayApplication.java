package org.openparking.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sensor gateway: subscribes to the sensors' MQTT uplinks, rejects garbage, de-duplicates and debounces
 * readings against per-device state in Redis and hands the resulting observations to the api through PostgreSQL.
 * Several instances share the load through one MQTT shared subscription.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}
}
