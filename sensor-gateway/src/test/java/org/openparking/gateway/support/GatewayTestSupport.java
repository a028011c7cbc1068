package org.openparking.gateway.support;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.openparking.gateway.mqtt.BrokerConnection;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

@TestConfiguration(proxyBeanMethods = false)
public class GatewayTestSupport {

	@Bean
	Sensors sensors(DataSource dataSource, BrokerConnection connection, MeterRegistry meters,
			StringRedisTemplate redis) {
		return new Sensors(dataSource, connection, meters, redis);
	}
}
